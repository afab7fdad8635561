namespace NearMiss.Core.Pii;

/// <summary>Police dogs' names (OTHER_ID): after "K9", and after "dog" or "partner" where the text is about dogs.</summary>
internal sealed partial class PersonRecogniser
{
    /// <summary>"K9 Rex": the dog's name after "K9" (OTHER_ID); "K9" claims its position either way.</summary>
    public int K9Name(int i)
    {
        if (!Eq(i, "k9"))
        {
            return 0;
        }

        var end = DogName(i + 1);
        return end != 0 ? end : Stop;
    }

    /// <summary>Titles of the people who work dogs: "K9 Deputy Ruiz", "K9 Handler", not a dog's name.</summary>
    internal static readonly WordSet HandlerTitles = new(["officer", "handler", "handlers", "unit", "team", "program", "sergeant", "sarge", "deputy", "training", "trooper", "corporal", "cpl", "sgt", "dep", "ofc", "detective", "det", "agent", "lieutenant", "lt", "captain", "capt", "tpr", "sheriff", "supervisor", "coordinator", "instructor", "trainer"]);

    /// <summary>
    /// The dog's name after "K9", "dog" or "partner" (OTHER_ID): "K9 Rex", "K9 partner, Ranger,", "my dog is Diesel", "a
    /// shepherd named tank", "dog's name is ranger". Where the text is about dogs, a word that is a rank or a maker
    /// elsewhere is the dog's name too ("K9 Ranger", "K9 Ruger"); a lower-case word only once it is named.
    /// </summary>
    private int DogName(int j)
    {
        var k = j;
        if (P(k, ','))
        {
            k++;
        }

        var named = false;
        if ((P(k, '\'') || P(k, '’')) && Eq(k + 1, "s") && Eq(k + 2, "name") && Eq(k + 3, "is"))
        {
            k += 4; // "dog's name is ranger"
            named = true;
        }
        else if (EqAny(k, "partner", "named", "unit", "is"))
        {
            if (Eq(k, "unit"))
            {
                return 0;
            }

            named = Eq(k, "named");
            k++;
            if (P(k, ','))
            {
                // "K9 partner, Ranger,".
                k++;
            }
        }

        // "me and my dog ranger uh", "her dog pepper we get sent", "my dog is chief it's": in a text about dogs, a
        // lower-case word after "my dog" (or "is") closed by a pause or by the next clause's pronoun is its name.
        var owned = k == j || k == j + 1 && Eq(j, "is");
        named |= owned && DogContext && Eq(j - 1, "dog") && EqAny(j - 2, "my", "our", "her", "his", "their") && IsWord(k) && !Is(k, Lex.Stop) && !IsDogsState(k)
            && (k + 1 >= count || tokens[k + 1].Kind == TokenKind.Punct || DogNameClosers.Contains(text, tokens[k + 1]));
        var word = Cap(k) || named && IsWord(k) && tokens[k].Has(TokenFlags.Lower);
        if (word && !Is(k, Lex.Stop) && !(Is(k, Lex.Rank | Lex.Brand) && !DogContext) && !Is(k, Lex.Month) && !Is(k, Lex.Weekday) && !(Is(k, Lex.Common) && !DogContext)
            && !Cap(k + 1) && !HandlerTitles.Contains(text, tokens[k]))
        {
            Emit(k, k + 1, PiiLabel.OtherId);
            return k + 1;
        }

        return 0;
    }

    /// <summary>What closes a dog's name said in lower case after "my dog": a pause, the next clause's pronoun, a verb of the dog ("her dog chispa were still five minutes out").</summary>
    private static readonly WordSet DogNameClosers = new(["uh", "um", "and", "it", "it's", "we", "he", "she", "i", "so", "they", "were", "was", "had", "came", "got", "went", "ran", "bit", "alerted", "tracked", "found"]);

    /// <summary>How a dog is, not its name: "my dog is tired", "my dog is gone", "my dog is barking", "my dog was hurt".</summary>
    private bool IsDogsState(int k)
    {
        var word = W(k);
        return word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ly", StringComparison.OrdinalIgnoreCase)
            || DogsStates.Contains(text, tokens[k]);
    }

    private static readonly WordSet DogsStates = new(["fine", "good", "okay", "ok", "ready", "done", "gone", "out", "down", "up", "off", "loose", "hurt", "sick", "new", "old", "young", "green",
        "hot", "tired", "great", "fast", "big", "small", "huge", "crazy", "nuts", "amazing", "awesome", "dual", "single", "purpose", "certified", "here", "there", "back", "still", "not", "all", "lol", "lmao", "haha", "smh"]);
}
