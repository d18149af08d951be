package dev.gilsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void aTextCellThatStartsLikeAFormulaGetsAnApostrophe() {
        assertEquals("'+cmd|' /C calc'!A0", Csv.field("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", Csv.field("-2+3"));
        assertEquals("'@SUM(A1)", Csv.field("@SUM(A1)"));
        assertEquals("'\tx", Csv.field("\tx"));
        assertEquals("'-", Csv.field("-"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", Csv.field("=HYPERLINK(\"http://x\")"),
                "quoted after the apostrophe, as RFC 4180 wants");
    }

    @Test
    void numbersAndPlainTextAreLeftAlone() {
        assertEquals("-1.5,+3,1e-05,-.5,-Infinity,Infinity,app/sleeper,5ms,,a=b\n",
                Csv.row(List.of("-1.5", "+3", "1e-05", "-.5", "-Infinity", "Infinity", "app/sleeper", "5ms", "",
                        "a=b")));
    }

    @Test
    void commasQuotesAndNewlinesAreQuoted() {
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\n", Csv.row(List.of("a,b", "say \"hi\"", "x\ny")));
    }
}
