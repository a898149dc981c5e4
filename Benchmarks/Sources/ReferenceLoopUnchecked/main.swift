// The reference loop compiled with -Ounchecked: swift run -c release --package-path Benchmarks reference-loop-unchecked [CALLS...]
import ReferenceLoop

referenceLoopMain(label: "release, -Ounchecked")
