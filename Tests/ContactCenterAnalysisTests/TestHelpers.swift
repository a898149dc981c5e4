import ContactCenter
import SimulationKernel

/// A scenario parsed from JSON text, with `file` named in any error (as the command line reads one).
func scenario(_ text: String, file: String = "test.json") throws -> Scenario {
    try ScenarioReader.parse(Array(text.utf8), file: file)
}

/// The mean of per-replication values and the half-width of its 99.9 % confidence interval (0 for a
/// single value): the band the statistical tests hold a simulated figure to.
func band(_ values: [Double]) -> (mean: Double, halfWidth: Double) {
    let interval = ConfidenceInterval(values: values, confidence: 0.999)
    return (interval.mean, interval.halfWidth ?? 0)
}
