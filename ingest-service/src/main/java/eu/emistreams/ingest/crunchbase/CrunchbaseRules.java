package eu.emistreams.ingest.crunchbase;

import eu.emistreams.events.codes.Countries;
import eu.emistreams.events.crunchbase.FundingRound;
import eu.emistreams.ingest.keyed.Cells;
import eu.emistreams.ingest.keyed.RowOutcome;
import eu.emistreams.ingest.keyed.RowRejection;
import eu.emistreams.ingest.source.CsvRow;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of indicators.md §7 for the Crunchbase bulk export: a funding round joined to its
 * organization, which gives the country ({@code country_code}, ISO alpha-3; blank or unknown
 * becomes {@code ZZ}) and the categories ({@code category_list}, one comma-separated field).
 * Every round with an announcement date is published: telling PE/VC rounds from grants and debt
 * is the classifier's job, on the {@code investment_type} carried along.
 *
 * <p>A round is rejected, for the first reason that applies: a blank uuid or org_uuid
 * ({@code missing_value}), an org_uuid that is not in organizations.csv ({@code orphan_round}), a
 * blank investment_type ({@code missing_value}), an announced_on that is not a date yyyy-mm-dd
 * ({@code unparsable_date}), a raised_amount_usd that is not a number ({@code unparsable_number})
 * or is negative ({@code negative_amount}). A blank raised_amount_usd is no value, not an error.
 */
public final class CrunchbaseRules {

    public static final String ORGANIZATIONS = "organizations";
    public static final String FUNDING_ROUNDS = "funding_rounds";

    public static final List<String> ORGANIZATION_COLUMNS = List.of("uuid", "country_code", "category_list");
    public static final List<String> ROUND_COLUMNS = List.of("uuid", "org_uuid", "investment_type", "announced_on",
            "raised_amount_usd");

    private CrunchbaseRules() {
    }

    /** The columns of an organization the rounds need. */
    public record Organization(long line, String uuid, String name, String countryCode, String categoryList) {
    }

    /** An organizations.csv row; its uuid is required. */
    public static Organization organization(CsvRow row) throws RowRejection {
        return new Organization(row.line(), Cells.required("uuid", Cells.text(row, "uuid")), Cells.text(row, "name"),
                Cells.text(row, "country_code"), Cells.text(row, "category_list"));
    }

    /**
     * A funding_rounds.csv row joined to its organization.
     *
     * @param organizations the organization of a uuid, or null when organizations.csv lacks it
     */
    public static RowOutcome<FundingRound> round(CsvRow row, Function<String, Organization> organizations) {
        try {
            String uuid = Cells.required("uuid", Cells.text(row, "uuid"));
            String orgUuid = Cells.required("org_uuid", Cells.text(row, "org_uuid"));
            Organization organization = organizations.apply(orgUuid);
            if (organization == null) {
                throw new RowRejection("orphan_round", "org_uuid " + orgUuid + " is not in organizations.csv");
            }
            String investmentType = Cells.required("investment_type", Cells.text(row, "investment_type"))
                    .toLowerCase(Locale.ROOT);
            LocalDate announced = date("announced_on", Cells.required("announced_on", Cells.text(row, "announced_on")));
            Double raised = amount(Cells.text(row, "raised_amount_usd"));

            String iso3 = organization.countryCode() == null ? null : organization.countryCode().toUpperCase(Locale.ROOT);
            String country = Countries.fromAlpha3(iso3).orElse(Countries.UNKNOWN);
            FundingRound round = FundingRound.newBuilder()
                    .setRoundUuid(uuid)
                    .setOrgUuid(orgUuid)
                    .setOrgName(organization.name())
                    .setCountryIso3(iso3)
                    .setCountry(country)
                    .setCategories(categories(organization.categoryList()))
                    .setInvestmentType(investmentType)
                    .setAnnouncedOn(announced.toString())
                    .setYear(announced.getYear())
                    .setRaisedAmountUsd(raised)
                    .setSourceRelease("")
                    .build();
            return RowOutcome.publish(uuid, round,
                    Countries.UNKNOWN.equals(country) ? List.of("country_to_ZZ") : List.of());
        } catch (RowRejection rejection) {
            return RowOutcome.reject(rejection);
        }
    }

    /** {@code "Artificial Intelligence,Machine Learning, SaaS"}: trimmed, without blanks and repeats, in order. */
    public static List<String> categories(String categoryList) {
        if (categoryList == null) {
            return List.of();
        }
        Set<String> categories = new LinkedHashSet<>();
        for (String category : categoryList.split(",")) {
            String trimmed = category.strip();
            if (!trimmed.isEmpty()) {
                categories.add(trimmed);
            }
        }
        return new ArrayList<>(categories);
    }

    private static LocalDate date(String column, String value) throws RowRejection {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejection("unparsable_date", column + " '" + value + "' is not a date yyyy-mm-dd");
        }
    }

    private static Double amount(String value) throws RowRejection {
        if (value == null) {
            return null;
        }
        double amount = Cells.decimal("raised_amount_usd", value);
        if (amount < 0) {
            throw new RowRejection("negative_amount", "raised_amount_usd '" + value + "' is negative");
        }
        return amount;
    }
}
