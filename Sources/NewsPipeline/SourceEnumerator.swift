import Foundation

/// Lists the local inputs of a run, lazily and in a stable order: `files` as given, then each of
/// `directories` walked depth-first with entries sorted by name, then the paths in each of `list_files`.
///
/// Not thread-safe: the scheduler calls ``next()`` under its lock. Memory is bounded by the largest
/// single directory listing, not by the number of inputs; a listing holds the file names, not their paths (a
/// name of up to 15 bytes is stored inside its `String`: 100,000 files of a folder take 1.6 MB).
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
    private var currentFolder = ""
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
                return .file((currentFolder as NSString).appendingPathComponent(currentFiles[currentIndex]))
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
        var names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: folder)
        } catch {
            return .unlistable(path: folder, message: "cannot list '\(folder)': \(error.localizedDescription)")
        }
        // Sorted and filtered in place: one listing of the folder in memory, not three.
        names.sort()
        var folders: [String] = []
        names.removeAll { name in
            guard !name.hasPrefix(".") else { return true }
            let path = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else { return true }
            if isFolder.boolValue {
                folders.append(path)
                return true
            }
            return !Self.articleExtensions.contains(where: { name.lowercased().hasSuffix($0) })
        }
        pendingFolders.append(contentsOf: folders.reversed())
        currentFolder = folder
        currentFiles = names
        currentIndex = 0
        return nil
    }
}
