// Load generator for the Tapedeck bench: keep-alive HTTP/1.1 GETs over raw TCP, each response
// verified (status, Content-Length, Content-Range, exact body length) while its body is discarded
// into one reused buffer, so the client costs far less CPU than the servers it measures.
//
// Usage: loadgen -url http://127.0.0.1:port/path -mode range|full -c 32 -d 10s -size N -span N
// Prints one line: BENCH_JSON {"ok":..,"bad":..,"durationUs":..,"requests":..,"socketErrors":..,"p50Us":..,"p99Us":..}
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

type stats struct {
	ok, bad, socketErrors int
	latencies             []time.Duration
}

func main() {
	rawURL := flag.String("url", "", "stream URL")
	mode := flag.String("mode", "range", "range or full")
	conns := flag.Int("c", 32, "connections")
	duration := flag.Duration("d", 10*time.Second, "duration")
	size := flag.Int64("size", 0, "file size in bytes")
	span := flag.Int64("span", 262144, "bytes per range")
	cookie := flag.String("cookie", "", "Cookie header to send (a signed-in session)")
	flag.Parse()
	u, err := url.Parse(*rawURL)
	if err != nil || *size <= 0 {
		fmt.Fprintln(os.Stderr, "usage: loadgen -url URL -mode range|full -c N -d 10s -size N -span N")
		os.Exit(2)
	}
	deadline := time.Now().Add(*duration)
	results := make([]stats, *conns)
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < *conns; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			w := worker{host: u.Host, path: u.RequestURI(), cookie: *cookie, mode: *mode, size: *size, span: *span,
				rnd: rand.New(rand.NewSource(time.Now().UnixNano() + int64(i))), st: &results[i]}
			w.run(deadline)
		}(i)
	}
	wg.Wait()
	elapsed := time.Since(start)
	var all stats
	for _, r := range results {
		all.ok += r.ok
		all.bad += r.bad
		all.socketErrors += r.socketErrors
		all.latencies = append(all.latencies, r.latencies...)
	}
	sort.Slice(all.latencies, func(a, b int) bool { return all.latencies[a] < all.latencies[b] })
	fmt.Printf("BENCH_JSON {\"ok\":%d,\"bad\":%d,\"durationUs\":%d,\"requests\":%d,\"socketErrors\":%d,\"p50Us\":%d,\"p99Us\":%d}\n",
		all.ok, all.bad, elapsed.Microseconds(), len(all.latencies), all.socketErrors,
		percentile(all.latencies, 0.50).Microseconds(), percentile(all.latencies, 0.99).Microseconds())
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[int(p*float64(len(sorted)-1))]
}

type worker struct {
	host, path, mode string
	cookie           string
	size, span       int64
	rnd              *rand.Rand
	st               *stats
	conn             net.Conn
	reader           *bufio.Reader
	buf              []byte
}

func (w *worker) run(deadline time.Time) {
	w.buf = make([]byte, 256*1024)
	for time.Now().Before(deadline) {
		if w.conn == nil {
			conn, err := net.Dial("tcp", w.host)
			if err != nil {
				w.st.socketErrors++
				time.Sleep(10 * time.Millisecond)
				continue
			}
			w.conn, w.reader = conn, bufio.NewReaderSize(conn, 64*1024)
		}
		w.conn.SetDeadline(time.Now().Add(10 * time.Second))
		began := time.Now()
		good, err := w.once()
		if err != nil {
			w.st.socketErrors++
			w.conn.Close()
			w.conn = nil
			continue
		}
		w.st.latencies = append(w.st.latencies, time.Since(began))
		if good {
			w.st.ok++
		} else {
			w.st.bad++
		}
	}
	if w.conn != nil {
		w.conn.Close()
	}
}

// once sends one request and reads its whole response; good reports whether it was the right one.
func (w *worker) once() (good bool, err error) {
	req := "GET " + w.path + " HTTP/1.1\r\nHost: " + w.host + "\r\n"
	if w.cookie != "" {
		req += "Cookie: " + w.cookie + "\r\n"
	}
	wantStatus, wantLength, wantRange := 200, w.size, ""
	if w.mode == "range" {
		a := w.rnd.Int63n(w.size - w.span + 1)
		if w.rnd.Intn(2) == 0 {
			a -= a % 32768
		}
		b := a + w.span - 1
		req += fmt.Sprintf("Range: bytes=%d-%d\r\n", a, b)
		wantStatus, wantLength = 206, w.span
		wantRange = fmt.Sprintf("bytes %d-%d/%d", a, b, w.size)
	}
	if _, err = io.WriteString(w.conn, req+"\r\n"); err != nil {
		return false, err
	}
	status, length, contentRange, err := w.readHead()
	if err != nil {
		return false, err
	}
	if length < 0 {
		return false, fmt.Errorf("no Content-Length")
	}
	for left := length; left > 0; {
		chunk := w.buf
		if int64(len(chunk)) > left {
			chunk = chunk[:left]
		}
		n, err := w.reader.Read(chunk)
		if err != nil {
			return false, err
		}
		left -= int64(n)
	}
	return status == wantStatus && length == wantLength && contentRange == wantRange, nil
}

func (w *worker) readHead() (status int, length int64, contentRange string, err error) {
	length = -1
	line, err := w.reader.ReadString('\n')
	if err != nil {
		return
	}
	parts := strings.SplitN(line, " ", 3)
	if len(parts) < 2 {
		return 0, 0, "", fmt.Errorf("bad status line %q", line)
	}
	status, _ = strconv.Atoi(parts[1])
	for {
		line, err = w.reader.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return
		}
		name, value, _ := strings.Cut(line, ":")
		value = strings.TrimSpace(value)
		switch strings.ToLower(name) {
		case "content-length":
			length, _ = strconv.ParseInt(value, 10, 64)
		case "content-range":
			contentRange = value
		}
	}
}
