public enum QandaVersion {
    public static let current = "0.2.0"
}
