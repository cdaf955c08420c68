// libFuzzer entry point for the report parser. Built by Scripts/fuzz.sh together with the
// sources of KubeConKit (one module, so no import), never by `swift build`.
import Foundation

/// The catalogs, from $KUBECON_DATA (set by the script).
let fuzzParser: ReportParser = {
  let data = ProcessInfo.processInfo.environment["KUBECON_DATA"] ?? "Data"
  do {
    return ReportParser(catalog: try Catalog.load(from: URL(fileURLWithPath: data)))
  } catch {
    fatalError("cannot load the catalogs from \(data): \(error)")
  }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReportParser(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  // The first byte picks how the file is named, so HTML pages are fuzzed too.
  let file = data.first.map { $0 & 1 == 0 ? "fuzz.md" : "fuzz.html" } ?? "fuzz.md"
  do {
    let parsed = try fuzzParser.parse(data: data, file: file, id: "fuzz")
    // Linking, encoding and reading back must take whatever parsing gives, and give it back.
    let corpus = CorpusBuilder.build([parsed], catalog: fuzzParser.catalog)
    let bytes = CorpusStore.encode(corpus)
    guard try CorpusStore.decode(bytes, path: "fuzz.json") == corpus else { fatalError("the corpus does not read back") }
  } catch is KubeConError {
    // A typed error is the expected answer to broken input.
  } catch {
    fatalError("untyped error: \(error)")
  }
  return 0
}
