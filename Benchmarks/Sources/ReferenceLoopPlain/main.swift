// The reference loop compiled in plain release mode: swift run -c release --package-path Benchmarks reference-loop [CALLS...]
import ReferenceLoop

referenceLoopMain(label: "plain release")
