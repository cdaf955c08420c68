import Testing
@testable import KubeConKit

/// One key per organization, whatever the spelling.
@Suite struct OrganizationsTests {
  let organizations = Fixtures.catalog.organizations

  @Test(arguments: [
    ("Red Hat", "RedHat"), ("Red Hat", "red-hat"), ("Google", "Google Cloud"), ("Google", "GCP"),
    ("CNCF", "Cloud Native Computing Foundation"), ("Amazon Web Services", "AWS"), ("Docker", "Docker, Inc."),
    ("Solo.io", "solo.io"), ("Acme", "Acme Inc."), ("Acme", "ACME GmbH"),
  ])
  func spellingsShareAKey(a: String, b: String) {
    #expect(organizations.key(for: a) == organizations.key(for: b))
  }

  @Test(arguments: [("Google", "Microsoft"), ("Red Hat", "Red Bull"), ("Acme", "Acme Labs")])
  func otherOrganizationsDoNot(a: String, b: String) {
    #expect(organizations.key(for: a) != organizations.key(for: b))
  }

  @Test func theDataNamesEachOrganizationOnce() {
    var seen: [String: String] = [:]
    for e in organizations.entries {
      for n in [e.name] + e.aliases {
        let key = Organizations.key(n)
        #expect(seen[key] == nil || seen[key] == e.name, "\(n) is both \(seen[key] ?? "") and \(e.name)")
        seen[key] = e.name
      }
    }
    #expect(organizations.entry(for: "cncf")?.name == "Cloud Native Computing Foundation")
  }
}
