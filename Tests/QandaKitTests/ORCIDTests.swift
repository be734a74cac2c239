import Testing
@testable import QandaKit

@Suite struct ORCIDTests {
    @Test(arguments: ["0000-0002-1825-0097", "0000-0002-1694-233X", "0000-0001-5109-3700",
                      "https://orcid.org/0000-0002-1825-0097", "http://orcid.org/0000-0002-1694-233X"])
    func valid(_ id: String) {
        #expect(ORCID.isValid(id))
    }

    @Test(arguments: [
        "0000-0002-1825-0098",   // wrong check digit
        "0000-0002-1825-009X",   // wrong check character
        "0000-0002-1694-2330",   // X expected
        "0000-0002-1825-009",    // too short
        "0000-0002-1825-00970",  // too long
        "0000000218250097",      // no hyphens
        "00000-002-1825-0097",   // hyphens in the wrong places
        "0000-00021825-0-097",   // hyphens in the wrong places
        "0000-000X-1825-0097",   // X before the end
        "0000-0002-1825-O097",   // a letter O
        "",
    ])
    func invalid(_ id: String) {
        #expect(!ORCID.isValid(id))
    }
}
