// What a collection command finds under its key.

public enum CollectionLookup {
    /// No live key: the command creates the collection, or treats it as empty.
    case missing
    /// A key of another type: the command answers WRONGTYPE.
    case wrongType
    case found(KeyRecord)

    init(_ record: KeyRecord?, type: KeyType) {
        guard let record else { self = .missing; return }
        self = record.type == type ? .found(record) : .wrongType
    }
}
