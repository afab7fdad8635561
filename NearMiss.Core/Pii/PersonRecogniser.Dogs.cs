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

        // "me and my dog ranger uh": in a text about dogs, a lower-case word after "my dog" closed by a pause is its name.
        named |= k == j && DogContext && Eq(j - 1, "dog") && EqAny(j - 2, "my", "our") && IsWord(k) && !Is(k, Lex.Stop)
            && (k + 1 >= count || tokens[k + 1].Kind == TokenKind.Punct || EqAny(k + 1, "uh", "um", "and"));
        var word = Cap(k) || named && IsWord(k) && tokens[k].Has(TokenFlags.Lower);
        if (word && !Is(k, Lex.Stop) && !(Is(k, Lex.Rank | Lex.Brand) && !DogContext) && !Is(k, Lex.Month) && !Is(k, Lex.Weekday) && !(Is(k, Lex.Common) && !DogContext)
            && !Cap(k + 1) && !HandlerTitles.Contains(text, tokens[k]))
        {
            Emit(k, k + 1, PiiLabel.OtherId);
            return k + 1;
        }

        return 0;
    }
}
