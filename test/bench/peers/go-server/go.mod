module tapedeck.local/bench/go-server

go 1.19
