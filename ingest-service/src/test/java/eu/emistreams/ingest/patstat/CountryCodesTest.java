package eu.emistreams.ingest.patstat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryCodesTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(quoteCharacter = '\'', value = {
        "'BE', BE",
        "'be', BE",
        "' de ', DE",
        "'gr', GR",
        "'', ZZ",
        "'   ', ZZ",
        "'--', ZZ",
        "'..', ZZ",
        "'75', ZZ",
        "'EL', ZZ",
        "'UK', ZZ",
        "'ZZ', ZZ",
        "'BEL', ZZ",
        "'B', ZZ"
    })
    void normalisesToIsoAlpha2OrZz(String raw, String expected) {
        assertEquals(expected, CountryCodes.normalise(raw));
    }

    @org.junit.jupiter.api.Test
    void nullIsUnknown() {
        assertEquals("ZZ", CountryCodes.normalise(null));
    }
}
