import Foundation

/// Lists the local inputs of a run, lazily and in a stable order: `files` as given, then each of
/// `directories` walked depth-first with entries sorted by name, then the paths in each of `list_files`.
///
/// Not thread-safe: the scheduler calls ``next()`` under its lock. Memory is bounded by the largest
/// single directory listing, not by the number of inputs.
package final class SourceEnumerator {
    /// One input to read, or a source that could not be listed.
    package enum Item: Sendable, Equatable {
        case file(String)
        case unlistable(path: String, message: String)
    }

    /// File name endings that a directory walk picks up.
    package static let articleExtensions = [".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz"]

    private var queue: [Item] = []
    private var queueIndex = 0
    private var directories: [String]
    private var listFiles: [String]
    // Depth-first walk: folders still to open, most recent last; files of the current folder.
    private var pendingFolders: [String] = []
    private var currentFiles: [String] = []
    private var currentIndex = 0
    private let fileManager = FileManager()

    package init(sources: PipelineConfig.Sources) {
        queue = sources.files.map(Item.file)
        directories = sources.directories
        listFiles = sources.listFiles
    }

    package func next() -> Item? {
        if queueIndex < queue.count {
            defer { queueIndex += 1 }
            return queue[queueIndex]
        }
        while true {
            if currentIndex < currentFiles.count {
                defer { currentIndex += 1 }
                return .file(currentFiles[currentIndex])
            }
            if let folder = pendingFolders.popLast() {
                if let failure = open(folder) { return failure }
                continue
            }
            if !directories.isEmpty {
                let root = directories.removeFirst()
                var isFolder: ObjCBool = false
                guard fileManager.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
                    return .unlistable(path: root, message: "'\(root)' is not a directory")
                }
                pendingFolders.append(root)
                continue
            }
            if !listFiles.isEmpty {
                let list = listFiles.removeFirst()
                queue = []
                queueIndex = 0
                guard let data = fileManager.contents(atPath: list), let text = String(data: data, encoding: .utf8)
                else {
                    return .unlistable(path: list, message: "cannot read the list file '\(list)'")
                }
                let base = (list as NSString).deletingLastPathComponent
                for line in text.split(whereSeparator: \.isNewline) {
                    let path = line.trimmingCharacters(in: .whitespaces)
                    guard !path.isEmpty, !path.hasPrefix("#") else { continue }
                    queue.append(.file(PipelineConfig.resolve(path, base: base)))
                }
                if queueIndex < queue.count {
                    defer { queueIndex += 1 }
                    return queue[queueIndex]
                }
                continue
            }
            return nil
        }
    }

    /// Reads one folder: its article files become the current batch; its subfolders are pushed in reverse
    /// order so that they are visited in name order.
    private func open(_ folder: String) -> Item? {
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            return .unlistable(path: folder, message: "cannot list '\(folder)': \(error.localizedDescription)")
        }
        var files: [String] = []
        var folders: [String] = []
        for name in names where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                folders.append(path)
            } else if Self.articleExtensions.contains(where: { name.lowercased().hasSuffix($0) }) {
                files.append(path)
            }
        }
        pendingFolders.append(contentsOf: folders.reversed())
        currentFiles = files
        currentIndex = 0
        return nil
    }
}
