module tapedeck.local/bench/loadgen

go 1.19
