public enum QandaVersion {
    public static let current = "0.1.0"
}
