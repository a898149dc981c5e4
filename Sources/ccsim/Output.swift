import Foundation

/// A file ccsim could not write.
struct OutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): cannot write: \(reason)" }
}

/// Writes `text` to `path` through a temporary file in the same directory and a rename, so that a
/// reader never sees a half-written file and an interrupted run leaves the old file intact.
func writeAtomically(_ text: String, to path: String) throws(OutputError) {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw OutputError(path: path, reason: "is a directory")
    }
    let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
        try Data(text.utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(path: path, reason: reason)
        }
    } catch let error as OutputError {
        throw error
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw OutputError(path: path, reason: (error as NSError).localizedDescription)
    }
}

/// A whole number written plainly (`1000000`) or in scientific form (`1e6`), at least 1.
func parseCount(_ text: String) -> Int? {
    if let value = Int(text) { return value >= 1 ? value : nil }
    guard let value = Double(text), value.isFinite, value >= 1, value <= 9e18, value == value.rounded() else { return nil }
    return Int(value)
}
