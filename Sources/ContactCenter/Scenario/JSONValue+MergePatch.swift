extension JSONValue {
    /// The result of applying `patch` to this document by JSON Merge Patch (RFC 7396): an object
    /// patch merges member by member, a `null` member removes the key, anything else replaces.
    public func mergePatched(with patch: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        var members: [JSONMember]
        if case .object(let existing) = self { members = existing } else { members = [] }
        for member in patchMembers {
            if member.value == .null {
                members.removeAll { $0.key == member.key }
            } else if let index = members.firstIndex(where: { $0.key == member.key }) {
                members[index].value = members[index].value.mergePatched(with: member.value)
            } else {
                members.append(JSONMember(key: member.key, value: JSONValue.null.mergePatched(with: member.value)))
            }
        }
        return .object(members)
    }
}
