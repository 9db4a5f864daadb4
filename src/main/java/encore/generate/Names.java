package encore.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Word pools for synthetic artists, songs, people and places, with unicode and quotes on purpose. */
final class Names {

    static final List<String> ARTIST_WORDS = List.of("Electric", "Velvet", "Midnight", "Golden", "Silver", "Lonely",
        "Crimson", "Neon", "Paper", "Wild", "Quiet", "Broken", "Lucky", "Northern", "Sonic", "Happy", "Black", "Blue",
        "Sigur", "Björk", "Mötley", "Beyoncé", "Café", "Señor", "Zoë", "Ólafur", "Dvořák", "Łukasz", "Mañana", "Søren");
    static final List<String> ARTIST_NOUNS = List.of("Hearts", "Kings", "Foxes", "Lights", "Rivers", "Machines",
        "Orchestra", "Collective", "Brothers", "Sisters", "Tigers", "Waves", "Ghosts", "Rós", "Crüe", "Trio", "Band");
    static final List<String> SONG_WORDS = List.of("Love", "Night", "Heart", "Fire", "Rain", "Dream", "Dance", "Road",
        "Time", "Summer", "Tears", "Light", "Home", "Gold", "Storm", "Angel", "Shadow", "River", "Smile", "Ocean",
        "Don't", "You're", "I'm", "Amor", "Corazón", "Niño", "Été", "Straße", "Déjà", "Vu", "Tonight", "Forever");
    static final List<String> FIRST_NAMES = List.of("Lily", "Kate", "Jacob", "Chloe", "Aiden", "Tegan", "Ryan",
        "Jayden", "Sara", "Layla", "Matthew", "Mohammad", "Emily", "Noah", "Zoë", "José", "Amélie", "Søren", "O'Neil");
    static final List<String> LAST_NAMES = List.of("Koch", "Levine", "Smith", "Cuevas", "Garrison", "Cruz", "Moore",
        "Nguyen", "Johnson", "O'Brien", "Müller", "García", "Kowalski", "Dubois", "Hansen", "Rossi", "Lee");
    static final List<String[]> PLACES = List.of(
        new String[] {"New York-Newark-Jersey City, NY-NJ-PA", "40.71455", "-74.00712"},
        new String[] {"San Francisco-Oakland-Hayward, CA", "37.77916", "-122.42005"},
        new String[] {"Chicago-Naperville-Elgin, IL-IN-WI", "41.88415", "-87.63241"},
        new String[] {"Atlanta-Sandy Springs-Roswell, GA", "33.74831", "-84.39111"},
        new String[] {"Portland-South Portland, ME", "43.66147", "-70.25533"},
        new String[] {"Lansing-East Lansing, MI", "42.73369", "-84.55553"},
        new String[] {"Houston-The Woodlands-Sugar Land, TX", "29.76045", "-95.36978"},
        new String[] {"Los Angeles-Long Beach-Anaheim, CA", "34.05349", "-118.24532"},
        new String[] {"Reykjavík, Iceland", "64.14667", "-21.94000"},
        new String[] {"München, Germany", "48.13514", "11.58198"},
        new String[] {"São Paulo, Brazil", "-23.55052", "-46.63331"});
    static final List<String> USER_AGENTS = List.of(
        "\"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36\"",
        "\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.78.2 (KHTML, like Gecko) Version/7.0.6 Safari/537.78.2\"",
        "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:31.0) Gecko/20100101 Firefox/31.0",
        "\"Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53\"",
        "\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.125 Safari/537.36\"",
        "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; WOW64; Trident/6.0)",
        "\"Mozilla/5.0 (iPad; CPU OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53\"",
        "\"Mozilla/5.0 (Linux; Android 4.4.2; SM-G900V Build/KOT49H) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.135 Mobile Safari/537.36\"");

    private Names() {
    }

    static <T> T pick(SplittableRandom r, List<T> pool) {
        return pool.get(r.nextInt(pool.size()));
    }

    static String id(SplittableRandom r, String prefix, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
