import Foundation
import SimulationKernel
import Testing
@testable import ContactCenter

/// Opening hours, time-varying demand, busyness, closed hours and shifts, each against a known answer.
@Suite struct CalendarTests {
    /// A scenario from its JSON body (top-level keys after ccsimVersion and name).
    func scenario(_ body: String) throws -> Scenario {
        try readScenario("""
            {"ccsimVersion": 1, "name": "calendar test", \(body)}
            """)
    }

    /// Mean over replications and its half width at 99.9 %.
    func estimate(_ values: [Double]) -> (mean: Double, halfWidth: Double) {
        let interval = ConfidenceInterval(values: values, confidence: 0.999)
        return (interval.mean, interval.halfWidth ?? 0)
    }

    @Test func perIntervalArrivalCountsFollowTheProfile() throws {
        let s = try scenario("""
            "simulation": {"days": 5, "replications": 30, "seed": 4},
            "calendar": {"open": "08:00", "close": "12:00", "intervalMinutes": 60},
            "callTypes": [{"name": "a", "arrivals": {"perDay": 400, "profile": [1, 2, 3, 4]},
                           "handleTime": {"distribution": "exponential", "mean": 60}}],
            "agentGroups": [{"name": "g", "agents": 5, "skills": ["a"]}]
            """)
        let results = try Simulation(scenario: s).run(threads: 2)
        for (interval, share) in [0.1, 0.2, 0.3, 0.4].enumerated() {
            let counts = results.map { Double($0.intervals[interval].arrivals) }
            let (mean, halfWidth) = estimate(counts)
            // Expected: 5 days × 400 × share.
            #expect(abs(mean - 2000 * share) <= halfWidth, "interval \(interval): \(mean) ± \(halfWidth)")
        }
        for result in results {
            #expect(result.overall.closedArrivals == 0)
            expectInvariants(result, scenario: s)
        }
    }

    @Test func perIntervalRatesAreContactsPerHour() throws {
        let s = try scenario("""
            "simulation": {"days": 3, "replications": 30, "seed": 5},
            "calendar": {"open": "09:00", "close": "10:00", "intervalMinutes": 30},
            "callTypes": [{"name": "a", "arrivals": {"perInterval": [120, 0]},
                           "handleTime": {"distribution": "exponential", "mean": 60}}],
            "agentGroups": [{"name": "g", "agents": 4, "skills": ["a"]}]
            """)
        let results = try Simulation(scenario: s).run(threads: 2)
        let (mean, halfWidth) = estimate(results.map { Double($0.intervals[0].arrivals) })
        #expect(abs(mean - 3 * 60) <= halfWidth)  // 120 an hour for half an hour, 3 days
        #expect(results.allSatisfy { $0.intervals[1].arrivals == 0 })
    }

    /// A gamma busyness factor of mean 1 and cv c makes a day's count mixed Poisson:
    /// variance m + (c·m)², far above the Poisson m.
    @Test func busynessSpreadsDailyVolumes() throws {
        let s = try scenario("""
            "simulation": {"days": 1, "replications": 400, "seed": 6},
            "busyness": {"cv": 0.5},
            "callTypes": [{"name": "a", "arrivals": {"perDay": 100},
                           "handleTime": {"distribution": "exponential", "mean": 60}}],
            "agentGroups": [{"name": "g", "agents": 2, "skills": ["a"]}]
            """)
        let counts = try Simulation(scenario: s).run(threads: 2).map { Double($0.overall.arrivals) }
        let stats = RunningStatistics(counts)
        let n = Double(counts.count)
        let m4 = counts.reduce(0.0) { $0 + pow($1 - stats.mean, 4) } / n
        let variance = stats.sumOfSquaredDeviations / n
        let standardError = ((m4 - variance * variance) / n).squareRoot()
        #expect(abs(stats.mean - 100) <= 4.4 * (variance / n).squareRoot())
        #expect(abs(variance - (100 + 2500)) <= 4.4 * standardError, "variance \(variance) ± \(standardError)")
    }

    @Test func callsWhileClosedAreCountedAndDroppedOrCarriedToTheOpening() throws {
        func run(_ policy: String) throws -> [ReplicationResult] {
            let s = try scenario("""
                "simulation": {"days": 7, "replications": 10, "seed": 7},
                "calendar": {"open": "09:00", "close": "17:00", "intervalMinutes": 60, "closedCalls": "\(policy)"},
                "callTypes": [{"name": "a", "arrivals": {"perHour": 20, "closedPerHour": 2},
                               "handleTime": {"distribution": "exponential", "mean": 120},
                               "patience": {"distribution": "exponential", "mean": 600}}],
                "agentGroups": [{"name": "g", "agents": 3, "skills": ["a"]}]
                """)
            let results = try Simulation(scenario: s).run(threads: 2)
            for result in results { expectInvariants(result, scenario: s) }
            return results
        }
        let dropped = try run("drop")
        let (closed, halfWidth) = estimate(dropped.map { Double($0.overall.closedArrivals) })
        #expect(abs(closed - 2 * 16 * 7) <= halfWidth)  // 2 an hour for 16 closed hours a day
        // Dropped: never offered, so offered = arrivals − closed.
        #expect(dropped.allSatisfy { $0.overall.offered == $0.intervals.reduce(0) { $0 + $1.arrivals } })
        // Carried over: every closed caller (but those after the last opening) calls again at opening,
        // so the 09:00 interval carries about 32 more offered calls than the others.
        let carried = try run("carryOver")
        let opening = estimate(carried.map { Double($0.intervals[0].arrivals) })
        let later = estimate(carried.map { Double($0.intervals[3].arrivals) })
        #expect(abs(opening.mean - later.mean - 32 * 6) <= opening.halfWidth + later.halfWidth, "\(opening) vs \(later)")
    }

    @Test func callsStillWaitingAtClosingAreServedOrDropped() throws {
        func run(_ policy: String) throws -> [ReplicationResult] {
            let s = try scenario("""
                "simulation": {"days": 5, "replications": 6, "seed": 8},
                "calendar": {"open": "09:00", "close": "12:00", "intervalMinutes": 60, "atClose": "\(policy)"},
                "callTypes": [{"name": "a", "arrivals": {"perHour": 40},
                               "handleTime": {"distribution": "exponential", "mean": 300}}],
                "agentGroups": [{"name": "g", "agents": 3, "skills": ["a"]}]
                """)
            let results = try Simulation(scenario: s).run(threads: 2)
            for result in results { expectInvariants(result, scenario: s) }
            return results
        }
        // Overloaded (3.3 Erlangs on 3 agents, no abandonment): a queue is left at 12:00 every day.
        let served = try run("serve")
        #expect(served.allSatisfy { $0.overall.droppedAtClose == 0 })
        // The queue left at closing is worked off after 12:00: agents stay past closing (overtime).
        #expect(served.allSatisfy { $0.agentGroups[0].overtimeSeconds > 0 })
        let dropped = try run("drop")
        #expect(dropped.allSatisfy { $0.overall.droppedAtClose > 0 && $0.overall.waitingAtEnd == 0 })
    }

    @Test func shiftsStaffOnlyTheirHoursAndAgentsFinishTheContactInHand() throws {
        let s = try scenario("""
            "simulation": {"days": 4, "replications": 6, "seed": 9},
            "calendar": {"open": "08:00", "close": "16:00", "intervalMinutes": 60},
            "callTypes": [{"name": "a", "arrivals": {"perHour": 30},
                           "handleTime": {"distribution": "exponential", "mean": 240},
                           "patience": {"distribution": "exponential", "mean": 120}}],
            "agentGroups": [{"name": "morning", "skills": ["a"], "shifts": [{"start": "08:00", "end": "12:00", "agents": 3}]}]
            """)
        for result in try Simulation(scenario: s).run(threads: 2) {
            expectInvariants(result, scenario: s)
            // Scheduled: 3 agents × 4 hours × 4 days; plus overtime finishing contacts after 12:00.
            let group = result.agentGroups[0]
            #expect(abs(group.staffedSeconds - group.overtimeSeconds - 3 * 4 * 3600 * 4) < 1e-6)
            #expect(group.overtimeSeconds > 0)
            // No contact offered after noon is answered: nobody is on duty then.
            for interval in 4..<8 {
                #expect(result.intervals[interval].answered == 0)
                #expect(result.intervals[interval].abandoned == result.intervals[interval].arrivals)
            }
            #expect(result.intervals[0].answered > 0)
            // Scheduled hours only in the morning intervals (overtime spills just past noon).
            #expect(abs(result.intervalStaffedSeconds[0] - 3 * 3600 * 4) < 1e-6)
        }
    }

    @Test func aConstantHeadCountWorksTheOpeningHoursOfWorkingDays() throws {
        let s = try scenario("""
            "simulation": {"days": 14, "replications": 2, "seed": 10},
            "calendar": {"open": "09:00", "close": "18:00", "intervalMinutes": 30, "days": ["mon", "tue", "wed", "thu", "fri"]},
            "callTypes": [{"name": "a", "arrivals": {"perHour": 10},
                           "handleTime": {"distribution": "exponential", "mean": 200},
                           "patience": {"distribution": "exponential", "mean": 300}}],
            "agentGroups": [{"name": "g", "agents": 2, "skills": ["a"]}]
            """)
        for result in try Simulation(scenario: s).run(threads: 1) {
            expectInvariants(result, scenario: s)
            let group = result.agentGroups[0]
            #expect(abs(group.staffedSeconds - group.overtimeSeconds - 2 * 9 * 3600 * 10) < 1e-6)  // 10 working days
            // Weekends closed: about 10 calls an hour × 9 hours × 10 days offered, none at the weekend.
            #expect(result.overall.closedArrivals == 0)  // no closedPerHour
            #expect(result.intervalObservedSeconds.allSatisfy { abs($0 - 1800 * 10) < 1e-6 })
        }
    }
}

@Suite struct CalendarReviewTests {
    /// Whole days are added in closed form: the same totals as walking every stretch.
    @Test func spreadOverManyDaysEqualsTheSumOfSingleDays() {
        let calendar = CompiledCalendar(BusinessCalendar(open: 8 * 3600, close: 18 * 3600, intervalSeconds: 1800, days: [0, 1, 2, 3, 4]))
        var whole = Array(repeating: 0.0, count: calendar.intervalCount)
        let added = calendar.spread(from: 5000, to: 40 * 86_400 + 30_000, within: 0, 1e12, weight: 2, into: &whole)
        var byDay = Array(repeating: 0.0, count: calendar.intervalCount)
        var total = 0.0
        var start = 5000.0
        while start < 40 * 86_400 + 30_000 {
            let end = Swift.min((start / 86_400).rounded(.down) * 86_400 + 86_400, 40 * 86_400 + 30_000)
            total += calendar.spread(from: start, to: end - 1e-9 < start ? end : end, within: 0, 1e12, weight: 2, into: &byDay)
            start = end
        }
        #expect(abs(added - total) < 1e-6)
        for (a, b) in zip(whole, byDay) { #expect(abs(a - b) < 1e-6) }
        #expect(calendar.workingDayCount(from: 0, count: 14) == 10)
        #expect(calendar.workingDayCount(from: 5, count: 3) == 1)  // Saturday, Sunday, Monday
    }

    /// A contact still running when its agent's next shift starts: the overtime up to that start
    /// counts as staffed time, so occupancy stays at most 1 (found in review: it reached 2.14).
    @Test func overtimeIntoTheNextShiftIsStaffedTime() throws {
        let s = try readScenario("""
            {"ccsimVersion": 1, "name": "long calls",
             "simulation": {"days": 6, "replications": 2, "seed": 1},
             "calendar": {"open": "09:00", "close": "17:00", "intervalMinutes": 60},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 0.5},
                            "handleTime": {"distribution": "deterministic", "value": 108000}}],
             "agentGroups": [{"name": "g", "skills": ["a"], "shifts": [{"start": "09:00", "end": "17:00", "agents": 2}]}]}
            """)
        for result in try Simulation(scenario: s).run(threads: 1) {
            let group = result.agentGroups[0]
            #expect(group.busySeconds <= group.staffedSeconds * (1 + 1e-12), "busy \(group.busySeconds), staffed \(group.staffedSeconds)")
            expectInvariants(result, scenario: s)
        }
    }

    /// The up-front work estimate reads the same demand however it is written.
    @Test func workEstimateCountsEveryFormOfDemand() throws {
        func estimate(_ arrivals: String) throws -> Double {
            Simulation(scenario: try readScenario("""
                {"ccsimVersion": 1, "name": "e", "simulation": {"days": 10, "replications": 1},
                 "calendar": {"open": "08:00", "close": "12:00", "intervalMinutes": 60},
                 "callTypes": [{"name": "a", "arrivals": \(arrivals), "handleTime": {"distribution": "exponential", "mean": 60}}],
                 "agentGroups": [{"name": "g", "agents": 2, "skills": ["a"]}]}
                """)).expectedEventsPerReplication
        }
        let perHour = try estimate(#"{"perHour": 100}"#)
        #expect(abs(perHour - (100 * 4 * 10 * 2 + 2 * 10)) < 1e-6)  // 2 events a contact, 2 shift events a day
        #expect(abs(try estimate(#"{"perDay": 400}"#) - perHour) < 1e-6)
        #expect(abs(try estimate(#"{"perInterval": [100, 100, 100, 100]}"#) - perHour) < 1e-6)
        #expect(try estimate(#"{"perHour": 100, "closedPerHour": 10}"#) > perHour + 2 * 10 * 20 * 10 - 1)
    }
}

@Suite struct EmailTests {
    /// Emails arrive around the clock, wait overnight in their queue (never abandoned, never dropped
    /// at closing, no trunk line), and are measured against their response-time target.
    @Test func emailsWaitUntilAnsweredAndMeetTheirResponseTarget() throws {
        let s = try readScenario("""
            {"ccsimVersion": 1, "name": "email", "lines": 1,
             "simulation": {"days": 7, "replications": 4, "seed": 61},
             "calendar": {"open": "09:00", "close": "17:00", "intervalMinutes": 60, "atClose": "drop"},
             "callTypes": [
               {"name": "mail", "channel": "email", "responseTargetSeconds": 14400,
                "arrivals": {"perHour": 6}, "handleTime": {"distribution": "exponential", "mean": 300}},
               {"name": "phone", "arrivals": {"perHour": 2}, "handleTime": {"distribution": "exponential", "mean": 120}}],
             "agentGroups": [{"name": "g", "agents": 1, "skills": ["phone", "mail"]}]}
            """)
        #expect(s.callTypes[0].channel == .email)
        for result in try Simulation(scenario: s).run(threads: 2) {
            expectInvariants(result, scenario: s)
            let mail = result.callTypes[0]
            #expect(mail.abandoned == 0 && mail.droppedAtClose == 0 && mail.blocked == 0)
            #expect(mail.answered > 0 && mail.answeredWithinTarget <= mail.answered)
            // Most emails are answered within 4 hours, far more than within the 20 s voice target.
            #expect(Double(mail.answeredWithinTarget) > 0.5 * Double(mail.answered))
        }
    }

    @Test func anEmailCannotHangUp() {
        let text = minimalScenario.replacingOccurrences(
            of: #""name": "billing","#,
            with: #""name": "billing", "channel": "email", "patience": {"distribution": "exponential", "mean": 60},"#)
        #expect(problems(text).contains("callTypes[0].patience: an email has no \"patience\" (it waits in its queue until answered); remove it"), "\(problems(text))")
    }
}

/// Breaks in shifts: agents off duty for the break, after finishing the contact in hand.
@Suite struct BreakTests {
    func scenario(breaks: String, chats: Bool = false, perHour: Double = 600) throws -> Scenario {
        try readScenario("""
            {"ccsimVersion": 1, "name": "breaks", "simulation": {"days": 3, "replications": 4, "seed": 41},
             "calendar": {"open": "08:00", "close": "16:00", "intervalMinutes": 15},
             "callTypes": [{"name": "a", \(chats ? #""channel": "chat","# : "") "arrivals": {"perHour": \(perHour)},
                            "handleTime": {"distribution": "deterministic", "value": 60}}],
             "agentGroups": [{"name": "g", "skills": ["a"], \(chats ? #""concurrency": 3,"# : "")
                              "shifts": [{"start": "08:00", "end": "16:00", "agents": 4, "breaks": \(breaks)}]}]}
            """)
    }

    /// Overloaded agents (callers never hang up) all break at 12:00 for 30 minutes: the contact in
    /// hand at 12:00 ends by 12:01, so 12:15-12:30 sees no work at all and 12:00-12:15 at most a
    /// minute per agent; staffed time less overtime drops by exactly the break, 4 agents × 30 min a
    /// day. With chats, each agent may finish up to 3 chats in hand.
    @Test(arguments: [false, true])
    func noContactIsHandledDuringABreak(chats: Bool) throws {
        let with = try Simulation(scenario: try scenario(breaks: #"[{"start": "12:00", "minutes": 30}]"#, chats: chats)).run(threads: 2)
        let without = try Simulation(scenario: try scenario(breaks: "[]", chats: chats)).run(threads: 2)
        let breakInterval = 16, nextInterval = 17  // 12:00 and 12:15, from 08:00 in 15-minute steps
        for (on, off) in zip(with, without) {
            #expect(on.intervalBusySeconds[nextInterval] == 0)
            #expect(on.intervalBusySeconds[breakInterval] <= 4 * 60 * 3 + 1e-9)
            #expect(off.intervalBusySeconds[nextInterval] > 900 * 4 * 3 * 0.9)  // busy without the break
            let scheduled = { (result: ReplicationResult) in result.agentGroups[0].staffedSeconds - result.agentGroups[0].overtimeSeconds }
            #expect(abs(scheduled(off) - scheduled(on) - 4 * 1800 * 3) < 1e-6, "\(scheduled(off)) vs \(scheduled(on))")
            #expect(on.intervalStaffedSeconds[nextInterval] == 0)
        }
    }

    /// Staggered lunch: half the shift at 12:00, the other half at 12:30 (agents taken in turn). No
    /// arrivals, so staffed time is exactly the schedule: 2 agents on duty from 12:00 to 13:00.
    @Test func breaksStaggerTheShiftsAgents() throws {
        let s = try scenario(breaks: #"[{"start": "12:00", "minutes": 30, "agents": 2}, {"start": "12:30", "minutes": 30, "agents": 2}]"#, perHour: 0)
        #expect(s.agentGroups[0].shifts[0].breakAgents().map(\.firstOffset) == [0, 2])
        let result = try Simulation(scenario: s).run(threads: 1)[0]
        let perDay = result.intervalStaffedSeconds.map { $0 / 3 / 900 }  // agents on duty per interval
        #expect(perDay[15] == 4 && perDay[16] == 2 && perDay[17] == 2 && perDay[18] == 2 && perDay[19] == 2 && perDay[20] == 4)
        #expect(result.agentGroups[0].staffedSeconds == 3 * (8 * 4 - 2) * 3600)
    }
}

/// The calendar time a simulated window stands for, for money per month and per year.
@Suite struct EquivalentTimeTests {
    let mondayToSaturday = BusinessCalendar(open: 8 * 3600, close: 20 * 3600, intervalSeconds: 3600, days: Set(0..<6))

    @Test func wholeWeeksStandForThemselves() {
        #expect(mondayToSaturday.equivalentSeconds(from: 0, to: 28 * 86_400) == 28 * 86_400)
        #expect(BusinessCalendar.alwaysOpen.equivalentSeconds(from: 3600, to: 5 * 86_400) == 5 * 86_400 - 3600)
    }

    @Test func mondayToFridayOfASixDayCenterIsFiveSixthsOfAWeek() {
        #expect(abs(mondayToSaturday.equivalentSeconds(from: 0, to: 5 * 86_400) - 5.0 / 6 * 7 * 86_400) < 1e-6)
        // Six days or seven: the same week (Sunday is closed).
        #expect(mondayToSaturday.equivalentSeconds(from: 0, to: 6 * 86_400) == mondayToSaturday.equivalentSeconds(from: 0, to: 7 * 86_400))
    }
}

/// Callers carried over from closed hours call again at the opening, or spread over a time after it.
@Suite struct CarryOverSpreadTests {
    func firstIntervals(spread: String) throws -> [Int] {
        let s = try ScenarioReader.parse(Array("""
            {"ccsimVersion": 1, "name": "spread", "simulation": {"days": 3, "replications": 2, "seed": 4},
             "calendar": {"open": "08:00", "close": "12:00", "intervalMinutes": 30, "closedCalls": "carryOver"\(spread)},
             "callTypes": [{"name": "a", "arrivals": {"perHour": 1e-9, "closedPerHour": 20},
                            "handleTime": {"distribution": "exponential", "mean": 60}}],
             "agentGroups": [{"name": "g", "agents": 50, "skills": ["a"]}]}
            """.utf8), file: "spread.json")
        var counts = [Int](repeating: 0, count: 8)
        for result in try Simulation(scenario: s).run(threads: 1) {
            for (index, tally) in result.intervals.enumerated() { counts[index] += tally.arrivals }
        }
        return counts
    }

    @Test func carriedCallersAllArriveAtTheOpeningByDefault() throws {
        let counts = try firstIntervals(spread: "")
        #expect(counts[0] > 500 && counts.dropFirst().allSatisfy { $0 == 0 })
    }

    /// Spread over an hour, they fill the first two half hours about equally (binomial: within 4 sd).
    @Test func spreadCarriedCallersOverTheFirstHour() throws {
        let counts = try firstIntervals(spread: #", "carryOverSpreadMinutes": 60"#)
        let total = Double(counts[0] + counts[1])
        #expect(counts.dropFirst(2).allSatisfy { $0 == 0 })
        #expect(abs(Double(counts[0]) - total / 2) < 4 * (total / 4).squareRoot(), "\(counts)")
    }

    @Test func spreadNeedsCarryOverAndFitsTheOpeningHours() {
        for (calendar, message) in [
            (#""closedCalls": "drop", "carryOverSpreadMinutes": 30"#, "applies to callers carried over"),
            (#""closedCalls": "carryOver", "carryOverSpreadMinutes": 300"#, "expected at most the opening hours (240 minutes)"),
        ] {
            let error = #expect(throws: ScenarioError.self) {
                try ScenarioReader.parse(Array("""
                    {"ccsimVersion": 1, "simulation": {"days": 1},
                     "calendar": {"open": "08:00", "close": "12:00", \(calendar)},
                     "callTypes": [{"name": "a", "arrivals": {"perHour": 1}, "handleTime": {"distribution": "exponential", "mean": 60}}],
                     "agentGroups": [{"name": "g", "agents": 1, "skills": ["a"]}]}
                    """.utf8), file: "x.json")
            }
            #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        }
    }
}
