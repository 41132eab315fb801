package dev.keyhound.detect.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BracketScopesTest {

    @Test
    void openerNameAgreesWithItsRegexOnTypicalAndRandomText() {
        String[] typical = {"client = Client", "    result = self.client.get_order", "x := new Foo", "cfg[\"key\"] = dict",
            "\"exchange\": ccxt.okx", "return", "    ", "", "foo.bar-baz=> new  Thing.make  ", "if (a == b) and c",
            "val = 'x' + new", "a$b: ", "print"};
        agree(typical, "ab_$.-= :>\"'\tnew(),+1N", 16, 20000, BracketScopesTest::reference, BracketScopes::openerName);
    }

    /** ours gives what reference gives on every typical text and on count random ones of the alphabet's chars. */
    private static void agree(String[] typical, String alphabet, int maxLength, int count,
                              java.util.function.UnaryOperator<String> reference, java.util.function.UnaryOperator<String> ours) {
        for (String s : typical) {
            assertEquals(reference.apply(s), ours.apply(s), s);
        }
        Random rnd = new Random(7);
        for (int n = 0; n < count; n++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(maxLength);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertEquals(reference.apply(s), ours.apply(s), s);
        }
    }

    @Test
    void assignedNameAgreesWithItsRegexOnTypicalAndRandomText() {
        String[] typical = {"x = os.getenv(\"OKX_SECRET\", \"", "  'apiKey': '", "binanceSecret := \"", "cfg['secret'] = '",
            "just text ", "key or '", "color \"", "a.b-c$ => f'", "x ?? ", "y || r\"", "\"k\"] = `", "z,  ", "9abc = '", ""};
        agree(typical, "ab_$.-9=:,?|or]\"'`fu x\t\n[(", 18, 30000, BracketScopesTest::assignedNameReference,
                BracketScopes::assignedName);
    }

    private static String assignedNameReference(String s) {
        Matcher m = BracketScopes.ASSIGNED_NAME.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    /** The lexer reads one byte per char: chars past Latin-1, and surrogate pairs, must not shift what it sees. */
    @Test
    void charsBeyondLatin1DoNotShiftBracketsOrOpeners() {
        String text = "# \uD83D\uDE80 launch \u4E2D\u6587\n"
                + "note = \"\uD83D\uDE80(\"\n"
                + "exchange = ccxt.kraken({\n"
                + "    'apiKey': 'k\u00E9y',\n"
                + "    'secret': 's\uD83D\uDE80',\n"
                + "})\n";
        java.util.List<com.google.re2j.Pattern> constructors = java.util.List.of(
                com.google.re2j.Pattern.compile("ccxt\\.([A-Za-z0-9_]+)\\s*\\("));
        ScopeIndex index = BracketScopes.build(DocumentView.of("bot.py", text), "py", constructors);
        Scope scope = index.innermost(4, "k\u00E9y");
        assertEquals(3, scope.startLine);
        assertEquals(6, scope.endLine);
        assertEquals("kraken", BracketScopes.constructorId(scope.opener(), constructors));
        assertEquals(java.util.List.of("apiKey", "secret"), scope.fields().stream().map(Scope.Field::name).toList());
    }

    /** Brackets in strings (with escaped quotes) and comments do not count; each char the lexer tests must be seen. */
    @Test
    void bracketsInStringsAndCommentsDoNotOpenOrCloseScopes() {
        String py = "cfg = {\n"
                + "  \"k\": \"v\\\"}\",\n"
                + "  'k2': '}',  # }\n"
                + "  \"k3\": `}`,\n"
                + "  \"k4\": [1, (2)],\n"
                + "}\n";
        Scope scope = BracketScopes.build(DocumentView.of("a.py", py), "py", java.util.List.of()).innermost(3, "}");
        assertEquals(1, scope.startLine);
        assertEquals(6, scope.endLine);
        String js = "o = {\n  a: 'x', // }\n  b: \"y\",\n}\n";
        Scope jsScope = BracketScopes.build(DocumentView.of("a.js", js), "js", java.util.List.of()).innermost(3, "y");
        assertEquals(1, jsScope.startLine);
        assertEquals(4, jsScope.endLine);
        assertEquals(java.util.List.of("a", "b"), jsScope.fields().stream().map(Scope.Field::name).toList());
    }

    @Test
    void aLineWithoutAQuotedValueAfterAnAssignmentCannotHoldAField() {
        assertTrue(mayHoldField("api_key = \"abc\""));
        assertTrue(mayHoldField("{'secret':  r'abc'}"));
        assertTrue(mayHoldField("set(\"key\", \"v\")"));
        assertFalse(mayHoldField("raise ValueError(\"no key\")"));
        assertFalse(mayHoldField(":param symbol: required"));
        String alphabet = "ab_=:,>\"'` rbu([]\u00e9\u20ac";
        Random rnd = new Random(11);
        for (int n = 0; n < 20000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(14);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            if (fieldRegexFinds(s)) {
                assertTrue(mayHoldField(s), s);
            }
        }
    }

    @Test
    void fieldsAgreeWithTheFieldRegexOnTypicalAndRandomText() {
        String[] typical = {"api_key = \"abc\"", "{'secret':  r'abc', \"key\": `x`}", "set(\"key\", \"v\")",
            "cfg[\"secret\"] = 'v'", "a => \"b\" , c := 'd'", "x = f'{y}'", "name: \"unterminated", "\"a\":\"\""};
        for (String s : typical) {
            assertEquals(fieldReference(s), fieldText(s), s);
        }
        String alphabet = "ab_$.-=:,>\"'`] rbfu(x";
        Random rnd = new Random(13);
        for (int n = 0; n < 50000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(18);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertEquals(fieldReference(s), fieldText(s), s);
        }
    }

    private static String fieldText(String s) {
        StringBuilder out = new StringBuilder();
        for (String[] f : BracketScopes.fields(s)) {
            out.append(f[0]).append('=').append(f[1]).append(';');
        }
        return out.toString();
    }

    private static String fieldReference(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = BracketScopes.FIELD.matcher(s);
        while (m.find()) {
            out.append(m.group(1)).append('=').append(m.group(2)).append(';');
        }
        return out.toString();
    }

    private static String reference(String s) {
        Matcher m = BracketScopes.OPENER_NAME.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    private static boolean fieldRegexFinds(String s) {
        return BracketScopes.FIELD.matcher(s).find();
    }

    private static boolean mayHoldField(String line) {
        // what lies either side of the line (an assignment, a quote) must not count
        byte[] padded = Latin1.lexable("x=\n" + line + "\n\"");
        return BracketScopes.mayHoldField(padded, 3, 3 + line.length());
    }
}
