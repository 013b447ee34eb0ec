// Building a table that includes COMMAND, which describes every entry of the table and itself.

extension CommandTable {
    /// `entries` plus COMMAND. `described` adds commands the table reaches another way (data
    /// commands run by the store), so COMMAND describes everything a client can call.
    public init(withIntrospection entries: [CommandEntry], alsoDescribing described: [DescribedCommand] = []) {
        let introspection = CommandIntrospection(describing: entries.map(DescribedCommand.init) + described)
        self.init(entries + [introspection.entry])
    }
}
