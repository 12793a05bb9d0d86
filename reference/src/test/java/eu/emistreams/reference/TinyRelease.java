package eu.emistreams.reference;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A hand-made PATSTAT release small enough to compute by hand, with the mess of real extracts:
 * columns out of order, a gzipped and a zipped table, a byte-order mark, CRLF endings, multi-line
 * quoted fields, junk country codes, orphans, an unparsable and a malformed row.
 *
 * <p>What it holds, and what the rules make of it:
 * <pre>
 * appln 1  WO 2020        applicants BE, DE, "--" (ZZ); person 999 missing (rejected); 103 inventor only
 * appln 2  EP 2020 direct applicants BE, US
 * appln 3  EP 2020 Euro-PCT (internat 1): ignored
 * appln 4  US 2020        ignored
 * appln 5  WO 9999        unknown year: counts nowhere
 * appln 6  EP 2021 direct no applicants: weight 1 to ZZ
 * X7       unparsable appln_id (rejected);  8: a field short (rejected)
 * </pre>
 */
final class TinyRelease {

    static final String TLS201 = String.join("\r\n",
            "appln_nr,appln_id,earliest_filing_year,appln_auth,internat_appln_id,docdb_family_id",
            "EP1,1,2020,WO,0,11",
            "EP2,2,2020,EP,0,12",
            "EP3,3,2020,EP,1,11",
            "US4,4,2020,US,0,14",
            "EP5,5,9999,WO,0,15",
            "EP6,6,2021,EP,0,16",
            "EP7,X7,2020,WO,0,17",
            "EP8,8,2020,WO",
            "");

    static final String TLS206 = "\uFEFF" + String.join("\n",
            "person_ctry_code,person_id,person_name",
            "BE,100,\"Solvay, SA\"",
            " de ,101,Müller",
            "--,102,Nobody",
            "FR,103,\"Inventor with a name",
            "on two lines\"",
            "US,104,Acme",
            "UK,105,Albion",
            "");

    static final String TLS207 = String.join("\n",
            "appln_id,person_id,applt_seq_nr,invt_seq_nr",
            "1,100,1,0",
            "1,101,2,0",
            "1,102,3,0",
            "1,103,0,1",
            "1,999,4,0",
            "2,100,1,0",
            "2,104,2,0",
            "3,100,1,0",
            "5,105,1,0",
            "77,100,1,0",
            "2,#REF!,1,0",
            "");

    static final String TLS209 = String.join("\n",
            "appln_id,ipc_class_symbol,ipc_position",
            "1,H01L  31/042,F",
            "1,A61K   9/00,L",
            "2,H01L 310/00,F",
            "2,G06N   3/08,L",
            "6,H01L  31/05,F",
            "77,G06N   3/08,F",
            "");

    static final String TLS202 = String.join("\n",
            "appln_id,appln_title_lg,appln_title",
            "1,en,\"Solar cell with \"\"robots\"\" and a machine\"",
            "2,en,\"Machine",
            "learning chip\"",
            "6,en,Robot arm",
            "88,en,Orphan title",
            "5,en,robot",
            "");

    static final String TLS203 = String.join("\n",
            "appln_id,appln_abstract_lg,appln_abstract",
            "1,en,learning system for wind",
            "2,en,Uses MACHINE LEARNING.",
            "6,en,Windmill blade",
            "");

    static final String CONCORDANCE = String.join("\n",
            "scheme,pattern,dimension,code",
            "IPC,H01L31/04,TECHNOLOGY,G.REN.SOLAR",
            "IPC,H01L31,ECOSYSTEM,REN",
            "IPC,H01L,ECOSYSTEM,ELEC",
            "IPC,A61K,ECOSYSTEM,HEAL",
            "KEYWORD,machine learning,TECHNOLOGY,D.AI",
            "KEYWORD,robot,TECHNOLOGY,D.AMR.ROB",
            "KEYWORD,wind,TECHNOLOGY,G.REN.WIND",
            "HS6,8541,ECOSYSTEM,ELEC",
            "");

    private TinyRelease() {
    }

    static Path write(Path directory) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(directory.resolve("tls201_appln.csv.gz")))) {
            out.write(TLS201.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(directory.resolve("tls206_person.csv"), TLS206, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("tls207_pers_appln.csv"), TLS207, StandardCharsets.UTF_8);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(directory.resolve("tls209_appln_ipc.csv.zip")))) {
            zip.putNextEntry(new ZipEntry("tls209_appln_ipc.csv"));
            zip.write(TLS209.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.writeString(directory.resolve("tls202_appln_title.csv"), TLS202, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("tls203_appln_abstr.csv"), TLS203, StandardCharsets.UTF_8);
        return directory;
    }
}
