/// Decoding of `costs`, `revenue` and `automation`: money, and the levers that change the model.
extension ScenarioDecoder {
    /// Largest amount of money accepted in any field, in currency units.
    static let maximumAmount = 1e12

    var amountExpectation: String { "an amount ≥ 0 in currency units, at most 1e12" }

    func amount(_ reader: ObjectReader, _ key: String, required: Bool = false) -> Double? {
        reader.number(key, required: required, expected: amountExpectation) { $0 >= 0 && $0 <= Self.maximumAmount }
    }

    func months(_ reader: ObjectReader, _ key: String) -> Double? {
        reader.number(key, expected: "a number of months from 1 to 600") { $0 >= 1 && $0 <= 600 }
    }

    func probability(_ reader: ObjectReader, _ key: String, required: Bool = false) -> Double? {
        reader.number(key, required: required, expected: "a probability from 0 to 1") { $0 >= 0 && $0 <= 1 }
    }

    /// Whether every key of `keys` that the object has was read without a problem.
    func allRead(_ reader: ObjectReader, _ pairs: [(String, Any?)]) -> Bool {
        pairs.allSatisfy { key, value in !reader.has(key) || value != nil }
    }

    /// `costs`; `groupNames` are the agent groups' names in file order (for outsourcing contracts).
    func decodeCosts(_ reader: ObjectReader, groupNames: [String?]) -> CostModel? {
        var costs = CostModel()
        var valid = true
        if let currency = reader.string("currency", expected: "a currency code such as \"EUR\" (1 to 8 letters)", accept: {
            (1...8).contains($0.count) && $0.allSatisfy(\.isLetter)
        }) {
            costs.currency = currency
        } else if reader.has("currency") {
            valid = false
        }
        if let inHouse = reader.object("inHouse") {
            if let decoded = decodeInHouse(inHouse) { costs.inHouse = decoded } else { valid = false }
        } else if reader.has("inHouse") {
            valid = false
        }
        let telephony = amount(reader, "telephonyPerMinute")
        let opportunity = reader.number("opportunityCostRate", expected: "an annual rate from 0 to 1 (0.05 for 5 %)") { $0 >= 0 && $0 <= 1 }
        valid = valid && allRead(reader, [("telephonyPerMinute", telephony), ("opportunityCostRate", opportunity)])
        costs.telephonyPerMinute = telephony ?? 0
        costs.opportunityCostRate = opportunity ?? 0
        if let elements = reader.array("investments", expected: "an array of investments such as {\"name\": \"platform\", \"amount\": 40000, \"amortisationMonths\": 36}") {
            for element in elements {
                guard let item = ObjectReader(element.value, path: element.path, problems: problems) else {
                    valid = false
                    continue
                }
                let name = item.string("name", required: true, expected: nameExpectation, accept: isValidName)
                let value = amount(item, "amount", required: true)
                let period = months(item, "amortisationMonths")
                item.rejectUnknownKeys()
                guard let name, let value, allRead(item, [("amortisationMonths", period)]) else {
                    valid = false
                    continue
                }
                costs.investments.append(Investment(name: name, amount: value, amortisationMonths: period ?? 36))
            }
        } else if reader.has("investments") {
            valid = false
        }
        if let elements = reader.array("outsourced", expected: "an array of outsourcing contracts such as {\"agentGroup\": \"overflow\", \"perAgentHour\": 38}") {
            var seen: [Int: String] = [:]
            for element in elements {
                guard let item = ObjectReader(element.value, path: element.path, problems: problems),
                    let contract = decodeOutsourcing(item, groupNames: groupNames)
                else {
                    valid = false
                    continue
                }
                if let first = seen[contract.agentGroup] {
                    problems.add("\(element.path).agentGroup", "agent group already outsourced by \(first)")
                    valid = false
                }
                seen[contract.agentGroup] = element.path
                costs.outsourced.append(contract)
            }
        } else if reader.has("outsourced") {
            valid = false
        }
        reader.rejectUnknownKeys()
        return valid ? costs : nil
    }

    func decodeInHouse(_ reader: ObjectReader) -> InHouseCosts? {
        var costs = InHouseCosts()
        let wage = amount(reader, "hourlyWage")
        let charges = reader.number("employerChargesPercent", expected: "a percentage from 0 to 200") { $0 >= 0 && $0 <= 200 }
        let hoursPerYear = reader.number("paidHoursPerAgentPerYear", expected: "a number of hours from 100 to 8784") { $0 >= 100 && $0 <= 8_784 }
        let support = amount(reader, "supportStaffPerMonth")
        let turnover = reader.number("annualTurnover", expected: "a share of agents per year from 0 to 10 (0.3 for 30 %)") { $0 >= 0 && $0 <= 10 }
        let recruitment = amount(reader, "recruitmentPerHire")
        let training = amount(reader, "trainingPerHire")
        let technology = perSeat(reader, "technologyPerSeatPerMonth")
        let facilities = perSeat(reader, "facilitiesPerSeatPerMonth")
        var supervision: (agents: Double, wage: Double)?
        if let object = reader.object("supervision", expected: "an object such as {\"agentsPerSupervisor\": 12, \"hourlyWage\": 22}") {
            let agents = object.number("agentsPerSupervisor", required: true, expected: "a number of agents per supervisor from 1 to 1000") {
                $0 >= 1 && $0 <= 1000
            }
            let supervisorWage = amount(object, "hourlyWage", required: true)
            object.rejectUnknownKeys()
            if let agents, let supervisorWage { supervision = (agents, supervisorWage) }
        }
        reader.rejectUnknownKeys()
        guard allRead(reader, [
            ("hourlyWage", wage), ("employerChargesPercent", charges), ("paidHoursPerAgentPerYear", hoursPerYear),
            ("supportStaffPerMonth", support), ("annualTurnover", turnover), ("recruitmentPerHire", recruitment),
            ("trainingPerHire", training), ("technologyPerSeatPerMonth", technology),
            ("facilitiesPerSeatPerMonth", facilities), ("supervision", supervision),
        ]) else { return nil }
        costs.hourlyWage = wage ?? 0
        costs.employerChargesPercent = charges ?? 0
        costs.paidHoursPerAgentPerYear = hoursPerYear ?? costs.paidHoursPerAgentPerYear
        costs.supportStaffPerMonth = support ?? 0
        costs.annualTurnover = turnover ?? 0
        costs.recruitmentPerHire = recruitment ?? 0
        costs.trainingPerHire = training ?? 0
        costs.technologyPerSeatPerMonth = technology ?? 0
        costs.facilitiesPerSeatPerMonth = facilities ?? 0
        costs.agentsPerSupervisor = supervision?.agents ?? 0
        costs.supervisorHourlyWage = supervision?.wage ?? 0
        return costs
    }

    /// An amount per seat and month: a number, or an object of named items (`{"crm": 60, "ticketing": 25}`)
    /// that are added up.
    func perSeat(_ reader: ObjectReader, _ key: String) -> Double? {
        guard let value = reader.value(key) else { return nil }
        let expected = "an amount ≥ 0 per seat and month, or an object of named amounts such as {\"crm\": 60, \"telephony\": 25}"
        switch value {
        case .number(let number) where number.value >= 0 && number.value <= Self.maximumAmount:
            return number.value
        case .object(let members) where !members.isEmpty:
            var total = 0.0
            var valid = true
            for member in members {
                if case .number(let number) = member.value, number.value >= 0, number.value <= Self.maximumAmount {
                    total += number.value
                } else {
                    problems.add(joinPath(reader.childPath(key), member.key), "expected \(amountExpectation), found \(describeFound(member.value))")
                    valid = false
                }
            }
            return valid ? total : nil
        default:
            reader.problem(key, "expected \(expected), found \(describeFound(value))")
            return nil
        }
    }

    func decodeOutsourcing(_ reader: ObjectReader, groupNames: [String?]) -> OutsourcingContract? {
        let named = reader.string("agentGroup", required: true, expected: "the name of an agent group", accept: isValidName)
        var group: Int?
        if let named {
            group = groupNames.firstIndex(of: named)
            if group == nil, !groupNames.contains(nil) {
                var message = "agent group \"\(named)\" does not exist"
                if let suggestion = closestKey(to: named, among: groupNames.compactMap { $0 }) { message += " (did you mean \"\(suggestion)\"?)" }
                reader.problem("agentGroup", message)
            }
        }
        let prices = ["perAgentHour", "perHandledMinute", "perInteraction"]
        let given = prices.filter(reader.has)
        if given.count != 1 {
            reader.problem(nil, given.isEmpty
                ? "missing key \"perAgentHour\" (dedicated agents), \"perHandledMinute\" or \"perInteraction\" (shared agents): how the vendor bills"
                : "give one of \"perAgentHour\", \"perHandledMinute\" and \"perInteraction\", not \(given.joined(separator: " and "))")
        }
        let perHour = amount(reader, "perAgentHour")
        let perMinute = amount(reader, "perHandledMinute")
        let perInteraction = amount(reader, "perInteraction")
        let setup = amount(reader, "setupFee")
        let contract = months(reader, "contractMonths")
        let management = amount(reader, "managementFeePerMonth")
        let training = amount(reader, "trainingPerAgentHour")
        let trainingHours = reader.number("trainingHoursPerAgent", expected: "a number of hours from 0 to 10000") { $0 >= 0 && $0 <= 10_000 }
        let extras = amount(reader, "extrasPerMonth")
        reader.rejectUnknownKeys()
        guard let group, given.count == 1, allRead(reader, [
            ("perAgentHour", perHour), ("perHandledMinute", perMinute), ("perInteraction", perInteraction),
            ("setupFee", setup), ("contractMonths", contract), ("managementFeePerMonth", management),
            ("trainingPerAgentHour", training), ("trainingHoursPerAgent", trainingHours), ("extrasPerMonth", extras),
        ]) else { return nil }
        let pricing: OutsourcingContract.Pricing
        if let perHour { pricing = .perAgentHour(perHour) } else if let perMinute { pricing = .perHandledMinute(perMinute) } else {
            pricing = .perInteraction(perInteraction ?? 0)
        }
        var result = OutsourcingContract(agentGroup: group, pricing: pricing)
        result.setupFee = setup ?? 0
        result.contractMonths = contract ?? 12
        result.managementFeePerMonth = management ?? 0
        result.trainingPerAgentHour = training ?? 0
        result.trainingHoursPerAgent = trainingHours ?? 0
        result.extrasPerMonth = extras ?? 0
        return result
    }

    func decodeRevenue(_ reader: ObjectReader) -> RevenueModel? {
        let values = ["customerLifetimeValue", "annualRevenuePerCustomer"]
        let given = values.filter(reader.has)
        if given.count != 1 {
            reader.problem(nil, given.isEmpty
                ? "missing key \"customerLifetimeValue\" or \"annualRevenuePerCustomer\" (expected the value of a customer kept)"
                : "give either \"customerLifetimeValue\" or \"annualRevenuePerCustomer\", not both")
        }
        let lifetime = amount(reader, "customerLifetimeValue")
        let annual = amount(reader, "annualRevenuePerCustomer")
        let customers = reader.number("customers", expected: "a number of customers from 1 to 1e10") { $0 >= 1 && $0 <= 1e10 }
        let churn = reader.object("churn", required: true, expected: "churn probabilities per outcome such as {\"resolvedFirstContact\": 0.02, \"resolvedAfterRepeat\": 0.06, \"unresolved\": 0.3, \"abandoned\": 0.4}")
            .flatMap(decodeChurn)
        var upsell: (Double, Double)?
        if let object = reader.object("upsell", expected: "an object such as {\"probability\": 0.05, \"value\": 40}") {
            let p = probability(object, "probability", required: true)
            let value = amount(object, "value", required: true)
            object.rejectUnknownKeys()
            if let p, let value { upsell = (p, value) }
        }
        reader.rejectUnknownKeys()
        guard given.count == 1, let churn, allRead(reader, [
            ("customerLifetimeValue", lifetime), ("annualRevenuePerCustomer", annual), ("customers", customers), ("upsell", upsell),
        ]) else { return nil }
        var revenue = RevenueModel(customerValue: lifetime ?? annual ?? 0, churn: churn)
        revenue.customers = customers
        revenue.upsellProbability = upsell?.0 ?? 0
        revenue.upsellValue = upsell?.1 ?? 0
        return revenue
    }

    func decodeChurn(_ reader: ObjectReader) -> ChurnRates? {
        let first = probability(reader, "resolvedFirstContact", required: true)
        let repeated = probability(reader, "resolvedAfterRepeat", required: true)
        let abandoned = probability(reader, "abandoned", required: true)
        let unresolved = probability(reader, "unresolved", required: true)
        var penalty: (Double, Double)?
        if let object = reader.object("longWaits", expected: "an object such as {\"afterSeconds\": 60, \"perMinute\": 0.01}") {
            let after = object.number("afterSeconds", required: true, expected: secondsExpectation, accept: isDuration)
            let perMinute = probability(object, "perMinute", required: true)
            object.rejectUnknownKeys()
            if let after, let perMinute { penalty = (after, perMinute) }
        }
        reader.rejectUnknownKeys()
        guard let first, let repeated, let abandoned, let unresolved, allRead(reader, [("longWaits", penalty)]) else { return nil }
        var churn = ChurnRates(resolvedFirstContact: first, resolvedAfterRepeat: repeated, abandoned: abandoned, unresolved: unresolved)
        if let penalty {
            churn.waitThresholdSeconds = penalty.0
            churn.perMinuteWaitedPastThreshold = penalty.1
        }
        return churn
    }

    /// One automation lever; `callTypes` are the decoded call types (all non-nil) in file order.
    func decodeLever(_ reader: ObjectReader, callTypes: [CallType]) -> AutomationLever? {
        let kinds = ["aiDispatch", "autoTranscription", "rpa", "selfService", "callbacks"]
        let kind = reader.string("kind", required: true, expected: "one of \(kinds.joined(separator: ", "))", accept: kinds.contains)
        var targets: [Int]?
        let names = callTypes.map(\.name)
        if let elements = reader.array("callTypes", nonEmpty: true, expected: "an array of call-type names") {
            var indices: [Int] = []
            for element in elements {
                if case .string(let name) = element.value, let index = names.firstIndex(of: name) {
                    if indices.contains(index) { problems.add(element.path, "call type \"\(name)\" is listed twice") }
                    indices.append(index)
                } else if case .string(let name) = element.value {
                    var message = "call type \"\(name)\" does not exist"
                    if let suggestion = closestKey(to: name, among: names) { message += " (did you mean \"\(suggestion)\"?)" }
                    problems.add(element.path, message)
                } else {
                    problems.add(element.path, "expected the name of a call type, found \(describeFound(element.value))")
                }
            }
            if indices.count == elements.count { targets = indices }
        }
        let setup = amount(reader, "setupCost")
        let period = months(reader, "amortisationMonths")
        let perMonth = amount(reader, "perMonth")
        let perSeat = amount(reader, "perSeatPerMonth")
        let perContact = amount(reader, "perContact")
        guard let kind else { return nil }  // its other keys depend on the kind: not reported as unknown
        let reduction = "a share from 0 to 1"
        let effect: AutomationLever.Effect?
        /// Why the mechanism does not apply to a call type (`nil`: it does), and what to say when it
        /// applies to none.
        var refusal: (CallType) -> String? = { _ in nil }
        var noneApplies = ""
        switch kind {
        case "aiDispatch":
            effect = reader.number("misroutingReduction", required: true, expected: reduction) { $0 >= 0 && $0 <= 1 }
                .map { .aiDispatch(misroutingReduction: $0) }
            refusal = { $0.misrouting == nil ? "has no misrouting for AI dispatch to reduce" : nil }
            noneApplies = "no call type has misrouting for AI dispatch to reduce"
        case "autoTranscription":
            effect = reader.number("wrapUpReduction", required: true, expected: reduction) { $0 >= 0 && $0 <= 1 }
                .map { .autoTranscription(wrapUpReduction: $0) }
            refusal = { ($0.wrapUp?.mean ?? 0) > 0 ? nil : "has no after-call work (wrapUp) for transcription to shrink" }
            noneApplies = "no call type has after-call work (wrapUp) for transcription to shrink"
        case "rpa":
            effect = reader.number("handleTimeReduction", required: true, expected: "a share from 0 to 0.99 (a handle time cannot vanish)") {
                $0 >= 0 && $0 <= 0.99
            }.map { .rpa(handleTimeReduction: $0) }
        case "selfService":
            let gain = reader.number("containmentGain", required: true, expected: "a share from 0 to 1 of the calls the IVR does not contain today") {
                $0 >= 0 && $0 <= 1
            }
            let duration = reader.number("durationSeconds", expected: "a number of seconds from 0 to 1e9") { $0 >= 0 && $0 <= ScenarioReader.maximumDuration }
            effect = reader.has("durationSeconds") && duration == nil ? nil : gain.map { .selfService(containmentGain: $0, durationSeconds: duration) }
            let addsStage = reader.has("durationSeconds")
            refusal = { type in
                if type.channel != .voice { return "is not a voice call type (self-service here is an IVR)" }
                return type.ivr == nil && !addsStage ? "has no IVR; give \"durationSeconds\" for the self-service stage the lever adds" : nil
            }
            noneApplies = "no voice call type has an IVR; give \"durationSeconds\" for the self-service stage the lever adds"
        default:  // callbacks
            effect = decodeCallback(reader).map { .callbacks($0) }
            refusal = { $0.channel == .voice ? nil : "is not a voice call type (callbacks are for callers on hold)" }
            noneApplies = "no call type is a voice call type (callbacks are for callers on hold)"
        }
        if kind != "callbacks" { reader.rejectUnknownKeys() }  // decodeCallback has checked them
        guard let effect, allRead(reader, [
            ("callTypes", targets), ("setupCost", setup), ("amortisationMonths", period), ("perMonth", perMonth),
            ("perSeatPerMonth", perSeat), ("perContact", perContact),
        ]) else { return nil }
        let chosen: [Int]
        if let targets {
            let refused = targets.compactMap { index in refusal(callTypes[index]).map { (index, $0) } }
            for (index, reason) in refused {
                reader.problem("callTypes", "call type \"\(names[index])\" \(reason)")
            }
            guard refused.isEmpty else { return nil }
            chosen = targets
        } else {
            chosen = callTypes.indices.filter { refusal(callTypes[$0]) == nil }
            if chosen.isEmpty {
                reader.problem(nil, "\(noneApplies): the lever would change nothing")
                return nil
            }
        }
        var lever = AutomationLever(effect: effect, callTypes: chosen)
        lever.setupCost = setup ?? 0
        lever.amortisationMonths = period ?? 36
        lever.perMonth = perMonth ?? 0
        lever.perSeatPerMonth = perSeat ?? 0
        lever.perContact = perContact ?? 0
        return lever
    }
}
