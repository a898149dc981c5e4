import Foundation

let outcome = CommandLineTool.execute(Array(CommandLine.arguments.dropFirst()))
if !outcome.standardOutput.isEmpty {
    FileHandle.standardOutput.write(Data(outcome.standardOutput.utf8))
}
if !outcome.standardError.isEmpty {
    FileHandle.standardError.write(Data(outcome.standardError.utf8))
}
exit(outcome.status)
