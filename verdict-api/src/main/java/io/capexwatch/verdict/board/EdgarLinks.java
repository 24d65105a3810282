package io.capexwatch.verdict.board;

/** Links from a figure to the filing it was read from, on EDGAR. */
public final class EdgarLinks {
    private static final String ARCHIVES = "https://www.sec.gov/Archives/edgar/data/";

    private EdgarLinks() {
    }

    /**
     * The filing's index: {@code https://www.sec.gov/Archives/edgar/data/{cik}/{accession without dashes}/},
     * CIK without leading zeros as EDGAR's archive paths have it. Null without an accession.
     */
    public static String filing(long cik, String accession) {
        if (accession == null || accession.isBlank()) {
            return null;
        }
        String digits = accession.replace("-", "");
        if (!digits.matches("\\d{18}")) {
            throw new IllegalArgumentException("not an accession number: " + accession);
        }
        return ARCHIVES + cik + "/" + digits + "/";
    }

    /** The company's filing list on EDGAR. */
    public static String company(long cik) {
        return "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=" + String.format("%010d", cik)
                + "&type=10-&dateb=&owner=include&count=40";
    }
}
