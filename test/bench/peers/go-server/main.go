// A peer for the Tapedeck benchmark: net/http's ServeContent serving one file at
// /songs/listen/<id>. Usage: go-server <file> <port>
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		log.Fatal("usage: go-server <file> <port>")
	}
	file, port := os.Args[1], os.Args[2]
	info, err := os.Stat(file)
	if err != nil {
		log.Fatal(err)
	}
	etag := fmt.Sprintf("\"%x-%x\"", info.Size(), info.ModTime().UnixNano())

	http.HandleFunc("/songs/listen/", func(w http.ResponseWriter, r *http.Request) {
		// One open file per request: ServeContent seeks it.
		f, err := os.Open(file)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer f.Close()
		w.Header().Set("Content-Type", "audio/wav")
		w.Header().Set("ETag", etag)
		http.ServeContent(w, r, "", info.ModTime(), f)
	})
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, nil))
}
