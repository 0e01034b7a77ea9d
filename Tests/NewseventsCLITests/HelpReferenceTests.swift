import Foundation
import Testing

/// The README's command table and the commands' own help agree: the same commands, each with the same options.
struct HelpReferenceTests {
    /// The README's "## Commands" table: command words (without `newsevents` and arguments) → option names.
    private func readmeCommands() throws -> [String: Set<String>] {
        let readme = try String(
            contentsOf: CommandRunner.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## Commands\n").dropFirst().first)
            .components(separatedBy: "\n## ")[0]
        var commands: [String: Set<String>] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| `newsevents ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let words = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")).split(separator: " ")
                .dropFirst().filter { $0.first?.isLowercase == true }.joined(separator: " ")
            commands[words] = Set(
                cells[2].split(separator: ",").map { $0.trimmingCharacters(in: .init(charactersIn: " `")) })
        }
        return commands
    }

    /// The option names a command's `--help` lists (without --help and --version).
    private func helpOptions(_ command: String) throws -> Set<String> {
        let result = try CommandRunner.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.status == 0, "\(command) --help")
        let options = try #require(result.stdout.components(separatedBy: "\nOPTIONS:\n").dropFirst().first)
        var names = Set<String>()
        for line in options.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            // "--name" or a short alias first: "-o, --output".
            guard line.hasPrefix("  "),
                trimmed.hasPrefix("--") || trimmed.range(of: "^-[A-Za-z], --", options: .regularExpression) != nil
            else { continue }
            let name = trimmed.split(separator: " ").first { $0.hasPrefix("--") }.map(String.init) ?? ""
            names.insert(name.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
        }
        return names.subtracting(["--help", "--version"])
    }

    /// The subcommand names a help text lists (its SUBCOMMANDS block, up to the blank line after it).
    private func subcommands(_ help: String) throws -> [String] {
        try #require(help.components(separatedBy: "\nSUBCOMMANDS:\n").dropFirst().first)
            .components(separatedBy: "\n\n")[0].split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    @Test func theReadmeCommandTableMatchesEveryCommandsHelp() throws {
        let documented = try readmeCommands()
        // Every subcommand the tool lists is documented, and nothing else is.
        let listed = try subcommands(try CommandRunner.run(["--help"]).stdout)
        // Commands with subcommands of their own are documented by subcommand.
        let groups = ["state", "db"]
        var commands = Set(listed.filter { !groups.contains($0) })
        for group in groups {
            #expect(listed.contains(group))
            commands.formUnion(
                try subcommands(try CommandRunner.run([group, "--help"]).stdout).map { group + " " + $0 })
        }
        #expect(commands == Set(documented.keys))
        #expect(commands.count >= 8)
        for command in commands.sorted() {
            #expect(try helpOptions(command) == documented[command], "\(command)")
        }
    }

    @Test func noHelpShowsADefaultTwice() throws {
        for command in [
            "run", "extract", "clean", "dates", "analyze", "check-config", "state inspect", "state repair", "load",
            "db init",
        ] {
            let help = try CommandRunner.run(command.split(separator: " ").map(String.init) + ["--help"]).stdout
            // One option's help is its lines up to the next option; none may say "(default:" twice.
            let options = help.components(separatedBy: "\n  -")
            for option in options {
                #expect(option.components(separatedBy: "(default:").count <= 2, "\(command): \(option)")
            }
        }
        // Its twin: the check sees a default where there is one.
        let extract = try CommandRunner.run(["extract", "--help"]).stdout
        #expect(extract.contains("(default: the number of active\n                          processors)"))
    }
}
