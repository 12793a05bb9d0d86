package eu.emistreams.classifier.topology;

import eu.emistreams.classifier.rules.Classifier;
import eu.emistreams.events.classified.ClassifiedPatent;
import eu.emistreams.events.classified.ClassifiedProduction;
import eu.emistreams.events.classified.ClassifiedRound;
import eu.emistreams.events.classified.ClassifiedTrade;
import eu.emistreams.events.comtrade.TradeFlow;
import eu.emistreams.events.crunchbase.FundingRound;
import eu.emistreams.events.patstat.Applicant;
import eu.emistreams.events.patstat.PatentApplication;
import eu.emistreams.events.prodcom.ProductionObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a record of each source becomes its classified record (indicators.md §3, §5-§7). A method
 * answers null for a record that the contract does not count; the ingest already leaves those
 * out, and the check here keeps one that slipped through from being summed downstream.
 */
final class Classifications {

    /** The Crunchbase {@code investment_type}s that count as private equity or venture capital (§7). */
    static final Set<String> PE_VC_TYPES = Set.of(
            "angel", "pre_seed", "seed",
            "series_a", "series_b", "series_c", "series_d", "series_e", "series_f", "series_g", "series_h",
            "series_i", "series_j", "series_unknown",
            "private_equity", "corporate_round", "convertible_note", "undisclosed");

    private static final Pattern HS6_CODE = Pattern.compile("[0-9]{6}");
    private static final String ALL_CUSTOMS_PROCEDURES = "C00";
    private static final String ALL_MODES_OF_TRANSPORT = "0";
    private static final String PRODUCTION_VALUE = "PRODVAL";

    private Classifications() {
    }

    static ClassifiedPatent patent(PatentApplication application, Classifier classifier) {
        List<String> countries = new ArrayList<>(application.getApplicants().size());
        for (Applicant applicant : application.getApplicants()) {
            countries.add(applicant.getCountry());
        }
        return ClassifiedPatent.newBuilder()
                .setApplnId(application.getApplnId())
                .setYear(application.getEarliestFilingYear())
                .setApplicantCountries(countries)
                .setCodes(classifier.classifyPatent(application.getIpcSymbols(), application.getTitle(),
                        application.getAbstractText()))
                .setSourceRelease(application.getSourceRelease())
                .setConcordanceVersion(classifier.version())
                .build();
    }

    /**
     * A Comtrade row counts when it is a World total (partner 0, customs C00 and mode of transport
     * 0 where given) of exports or imports (§5); only a 6-digit commodity code is tagged.
     */
    static ClassifiedTrade trade(TradeFlow flow, Classifier classifier) {
        String flowCode = flow.getFlowCode() == null ? "" : flow.getFlowCode().strip().toUpperCase(Locale.ROOT);
        boolean counted = flow.getPartnerCode() == 0
                && (flowCode.equals("X") || flowCode.equals("M"))
                && (flow.getCustomsCode() == null || flow.getCustomsCode().strip().equals(ALL_CUSTOMS_PROCEDURES))
                && (flow.getMotCode() == null || flow.getMotCode().strip().equals(ALL_MODES_OF_TRANSPORT));
        if (!counted) {
            return null;
        }
        String cmdCode = flow.getCmdCode() == null ? "" : flow.getCmdCode().strip();
        return ClassifiedTrade.newBuilder()
                .setCountry(flow.getReporterCountry())
                .setYear(flow.getRefYear())
                .setFlowCode(flowCode)
                .setCmdCode(cmdCode)
                .setValueUsd(flow.getPrimaryValue())
                .setCodes(HS6_CODE.matcher(cmdCode).matches() ? classifier.classifyHs6(cmdCode) : List.of())
                .setSourceRelease(flow.getSourceRelease())
                .setConcordanceVersion(classifier.version())
                .build();
    }

    /** A Prodcom observation counts when it is a PRODVAL (§6). */
    static ClassifiedProduction production(ProductionObservation observation, Classifier classifier) {
        if (observation.getIndicator() == null
                || !observation.getIndicator().strip().equalsIgnoreCase(PRODUCTION_VALUE)) {
            return null;
        }
        String product = observation.getProduct() == null ? "" : observation.getProduct().strip().replace(".", "");
        return ClassifiedProduction.newBuilder()
                .setCountry(observation.getCountry())
                .setYear(observation.getYear())
                .setProduct(product)
                .setValueEur(observation.getValueEur())
                .setCodes(classifier.classifyProdcom8(product))
                .setSourceRelease(observation.getSourceRelease())
                .setConcordanceVersion(classifier.version())
                .build();
    }

    /**
     * Every funding round is passed on, tagged by its organization's categories and marked PE/VC
     * or not (§7); the indicator stage counts only the PE/VC ones that have a year.
     */
    static ClassifiedRound round(FundingRound round, Classifier classifier) {
        String investmentType = round.getInvestmentType() == null ? "" : round.getInvestmentType().strip();
        return ClassifiedRound.newBuilder()
                .setCountry(round.getCountry())
                .setYear(round.getYear())
                .setInvestmentType(investmentType)
                .setPeVc(isPeVc(investmentType))
                .setRaisedAmountUsd(round.getRaisedAmountUsd())
                .setCodes(classifier.classifyCategories(round.getCategories()))
                .setSourceRelease(round.getSourceRelease())
                .setConcordanceVersion(classifier.version())
                .build();
    }

    static boolean isPeVc(String investmentType) {
        return investmentType != null && PE_VC_TYPES.contains(investmentType.strip().toLowerCase(Locale.ROOT));
    }
}
