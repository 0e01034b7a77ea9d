/// The version of the tool, written into every record as the coder version.
public enum NewsEventsVersion {
    public static let string = "0.1.0"
}
