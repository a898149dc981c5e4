import ContactCenter

/// The words and number formats of a report, in English or French.
struct Words {
    let language: ReportLanguage
    init(_ language: ReportLanguage) { self.language = language }

    private var fr: Bool { language == .fr }
    private func pick(_ english: String, _ french: String) -> String { fr ? french : english }

    var report: String { pick("Simulation report", "Rapport de simulation") }
    var comparison: String { pick("Comparison with", "Comparaison avec") }
    var sweep: String { pick("Sweep", "Balayage") }
    var staffing: String { pick("Staffing plan", "Plan d'effectifs") }
    var replications: String { pick("replications", "réplications") }
    var pairedReplications: String { pick("paired replications (common random numbers)", "réplications appariées (nombres aléatoires communs)") }
    var seed: String { pick("seed", "graine") }
    var keyFigures: String { pick("Key figures (95 % confidence intervals)", "Indicateurs clés (intervalles de confiance à 95 %)") }
    var kpi: String { pick("indicator", "indicateur") }
    var mean: String { pick("mean", "moyenne") }
    var ci95: String { pick("95 % confidence interval", "intervalle de confiance à 95 %") }
    var serviceLevel: String { pick("service level", "niveau de service") }
    var abandonment: String { pick("abandonment", "abandon") }
    var asa: String { pick("average speed of answer", "délai moyen de réponse") }
    var occupancy: String { pick("occupancy", "taux d'occupation") }
    var offered: String { pick("offered", "présentés") }
    var goal: String { pick("goal", "objectif") }
    var percentOfOffered: String { pick("% of offered contacts", "% des contacts présentés") }
    var percentOfAnswered: String { pick("% of answered contacts", "% des contacts répondus") }
    var intervalStart: String { pick("interval (start, local time)", "intervalle (début, heure locale)") }
    var agentsOnDuty: String { pick("agents on duty (average)", "agents en poste (moyenne)") }
    var agents: String { pick("agents", "agents") }
    var agentsPerInterval: String { pick("Agents on duty per interval", "Agents en poste par intervalle") }
    var waitDistribution: String { pick("Wait-time distribution of answered contacts", "Distribution du temps d'attente des contacts répondus") }
    var waitAtMost: String { pick("wait at most (seconds)", "attente au plus (secondes)") }
    var answeredWithin: String { pick("answered within", "répondus dans le délai") }
    var category: String { pick("category", "poste de coût") }
    var perYear: String { pick("per year", "par an") }
    var figure: String { pick("figure", "indicateur") }
    var returnOnInvestment: String { pick("Return on investment", "Retour sur investissement") }
    var roiOfService: String { pick("ROI = (revenue − cost) / cost", "ROI = (revenus − coûts) / coûts") }
    var netBenefitPerYear: String { pick("revenue − cost per year", "revenus − coûts par an") }
    var kpiDifferences: String { pick("KPI differences, variant − base, with 95 % intervals", "écarts d'indicateurs, variante − base, intervalles à 95 %") }
    var differencePoints: String { pick("difference (percentage points)", "écart (points de pourcentage)") }
    var base: String { pick("base", "base") }
    var variant: String { pick("variant", "variante") }
    var difference: String { pick("difference", "écart") }
    var roiOfChanges: String { pick("ROI of each change, % a year, with 95 % intervals", "ROI de chaque changement, % par an, intervalles à 95 %") }
    var roiPercentPerYear: String { pick("ROI (% a year)", "ROI (% par an)") }
    var paybackMonths: String { pick("payback (months)", "retour sur investissement (mois)") }
    var serviceLevelAndAbandonment: String { pick("Service level and abandonment per point, with 95 % intervals", "Niveau de service et abandon par point, intervalles à 95 %") }
    var totalCost: String { pick("total cost", "coût total") }
    var erlang: String { pick("Erlang estimate", "estimation Erlang") }
    var required: String { pick("required", "requis") }
    var scheduled: String { pick("scheduled (after shrinkage)", "planifiés (après absentéisme)") }
    var planned: String { pick("on shifts", "en poste (plan)") }
    var agentsRequiredAndPlanned: String { pick("Agents per interval: required, scheduled and on the shift plan", "Agents par intervalle : requis, planifiés et dans le plan de postes") }
    var serviceLevelAchieved: String { pick("Service level and abandonment achieved with the required agents", "Niveau de service et abandon obtenus avec les agents requis") }
    var shiftPlan: String { pick("Shift plan (every open day)", "Plan de postes (chaque jour ouvert)") }
    var shrinkage: String { pick("shrinkage", "absentéisme") }
    var start: String { pick("start", "début") }
    var end: String { pick("end", "fin") }
    var footer: String { pick("Made by ccsim, a discrete-event contact-center simulator. Figures are means over replications; error bars are 95 % confidence intervals.",
                              "Produit par ccsim, simulateur à événements discrets de centre de contacts. Les valeurs sont des moyennes sur les réplications ; les barres d'erreur sont des intervalles de confiance à 95 %.") }

    func serviceLevelPerInterval(_ target: Double) -> String {
        pick("Service level (answered within \(decimal(target)) s) and abandonment per interval",
             "Niveau de service (répondus en \(decimal(target)) s) et abandon par intervalle")
    }
    func costBreakdown(_ currency: String) -> String { pick("Cost breakdown, \(currency) per year", "Répartition des coûts, \(currency) par an") }
    func costPerYear(_ currency: String) -> String { pick("Total cost per point, \(currency) per year, with 95 % intervals", "Coût total par point, \(currency) par an, intervalles à 95 %") }
    func moneyDifferences(_ currency: String) -> String { pick("money differences, \(currency) a year, with 95 % intervals", "écarts financiers, \(currency) par an, intervalles à 95 %") }
    func secondsLabel(_ seconds: Double) -> String { decimal(seconds) + " s" }

    func kpiLabel(_ key: String) -> String {
        let french: [String: String] = [
            "offered": "présentés", "answered": "répondus", "serviceLevel": "niveau de service", "abandonmentRate": "taux d'abandon",
            "averageSpeedOfAnswer": "délai moyen de réponse", "waitP90": "attente, 90e centile", "averageHandleTime": "durée moyenne de traitement",
            "occupancy": "taux d'occupation", "firstContactResolution": "résolution au premier contact", "answerRate": "taux de décroché",
            "repeatContactRate": "taux de recontact",
        ]
        if fr, let label = french[key] { return label }
        return KPICatalog.allCentre.first { $0.key == key }?.label ?? key
    }

    func costLabel(_ key: String) -> String {
        let french: [String: String] = [
            "agentWages": "salaires et charges des agents", "supervision": "encadrement", "supportStaff": "informatique et support",
            "recruitmentAndTraining": "recrutement et formation", "technology": "technologie (par poste)", "facilities": "locaux (par poste)",
            "telephony": "téléphonie", "outsourcing": "externalisation", "automation": "leviers d'automatisation",
            "investments": "investissements (amortis)", "opportunityCost": "coût d'opportunité", "total": "coût total",
            "costPerContact": "coût par contact traité", "costPerResolution": "coût par demande résolue",
        ]
        if fr, let label = french[key] { return label }
        switch key {
        case "total": return "total cost"
        case "costPerContact": return "cost per handled contact"
        case "costPerResolution": return "cost per resolved issue"
        default: return CostCategory(rawValue: key)?.label ?? key
        }
    }

    func moneyLabel(_ key: String) -> String {
        let labels: [String: (String, String)] = [
            "costPerYear": ("total cost a year", "coût total par an"), "revenuePerYear": ("revenue a year", "revenus par an"),
            "netBenefitPerYear": ("revenue − cost a year", "revenus − coûts par an"),
            "customersLostPerYear": ("customers lost a year", "clients perdus par an"),
            "costPerContact": ("cost per handled contact", "coût par contact traité"),
            "costPerResolution": ("cost per resolved issue", "coût par demande résolue"),
        ]
        return labels[key].map { fr ? $0.1 : $0.0 } ?? key
    }

    // MARK: numbers

    private func localised(_ text: String) -> String { fr ? text.replacingOccurrences(of: ".", with: ",") : text }
    func decimal(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        let text = rounded == rounded.rounded() ? formatNumber(rounded, decimals: 0) : formatNumber(rounded, decimals: 2)
        return localised(text)
    }
    func percent(_ value: Double) -> String { localised(formatNumber(value * 100, decimals: 1)) + " %" }
    func seconds(_ value: Double) -> String { localised(formatNumber(value, decimals: 1)) + " s" }
    func count(_ value: Double) -> String { localised(formatNumber(value, decimals: 1)) }
    /// An axis tick of money: whole units.
    func amount(_ value: Double) -> String { localised(formatNumber(value, decimals: 0)) }
    /// An amount of money in a table: two decimals and the currency.
    func money(_ value: Double, _ currency: String) -> String { localised(formatNumber(value, decimals: 2)) + " " + currency }
    func signed(_ value: Double, decimals: Int) -> String {
        let text = formatNumber(value, decimals: decimals)
        return localised(value > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text)
    }
    func kpi(_ value: Double, _ unit: KPIUnit) -> String {
        switch unit {
        case .share: return percent(value)
        case .seconds: return seconds(value)
        default: return localised(formatNumber(value, decimals: 2))
        }
    }
}
