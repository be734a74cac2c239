/// Keeps a large value behind one reference, copied only when written while shared (copy-on-write): copying
/// the struct that holds it then costs one retain instead of one per field. Threads are copied often (the
/// loader's memory, the linker, the site), and a question has dozens of fields.
@propertyWrapper
package struct Shared<Value>: @unchecked Sendable where Value: Sendable {
    // Unchecked: the box is never mutated while another value refers to it (see the setter).
    private final class Box {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    package init(wrappedValue: Value) { box = Box(wrappedValue) }

    package var wrappedValue: Value {
        get { box.value }
        set {
            if isKnownUniquelyReferenced(&box) { box.value = newValue } else { box = Box(newValue) }
        }
    }
}
