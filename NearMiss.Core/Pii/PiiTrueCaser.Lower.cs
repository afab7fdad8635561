namespace NearMiss.Core.Pii;

/// <summary>Case-proofing of lower-case text, and of title-case headlines and section headings.</summary>
internal static partial class PiiTrueCaser
{
    private sealed partial class Casing
    {
        // -------------------------------------------------------------- lower case
        public void Lower()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var found = new bool[count];
            for (var i = 0; i < count; i++)
            {
                if (!IsWord(i) || !tokens[i].Has(TokenFlags.Lower) || tokens[i].Is(Lex.Stop))
                {
                    continue;
                }

                if (LowerEvidence(i))
                {
                    found[i] = true;
                    Evidence.Add(i);
                }
                else if (ProperOnItsOwn(i) && (NameListed(i) || PlaceNear(i)) || UnknownPlace(i))
                {
                    found[i] = true;
                }
            }

            // Continue names over following name words ("tran thi lan", "kyle brown", "ray sandoval jr").
            for (var i = 1; i < count; i++)
            {
                if (!found[i] && IsWord(i) && tokens[i].Has(TokenFlags.Lower) && found[i - 1] && IsWord(i - 1) && NameListed(i - 1)
                    && (NameListed(i) || Unknown(i)) && !tokens[i].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Measure | Lex.Locative) && !Eq(i, "jr") && !(Eq(i, "call") && Eq(i + 1, "sign"))
                    && !(Unknown(i) && VerbForm(i) || IngWord(i))
                    && !(PersonRecogniser.VerbsAfterNames.Contains(W(i)) && IsWord(i + 1) && tokens[i + 1].Is(Lex.Stop | Lex.Locative) || PersonRecogniser.SureVerbs.Contains(W(i)))
                    && !(English(i) && (Eq(i + 1, "up") || Eq(i + 1, "down") || Eq(i + 1, "in") || Eq(i + 1, "out") || Eq(i + 1, "over") || Eq(i + 1, "off") || Eq(i + 1, "back") || Eq(i + 1, "him") || Eq(i + 1, "her") || Eq(i + 1, "them"))))
                {
                    found[i] = true;
                    Evidence.Add(i - 1);
                    Evidence.Add(i);
                }
            }

            for (var i = 0; i < count; i++)
            {
                if (found[i] && Evidence.Contains(i) && (NameListed(i) || Unknown(i)))
                {
                    names.Add(W(i).ToString());
                }
            }

            var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var i = 0; i < count; i++)
            {
                if (IsWord(i) && tokens[i].Has(TokenFlags.Lower) && (found[i] || lookup.Contains(W(i)) && !tokens[i].Is(Lex.Stop) && !(English(i) && AfterHelperVerb(i))))
                {
                    Set(i, capital: true);
                    if (lookup.Contains(W(i)))
                    {
                        Evidence.Add(i);
                    }
                }
                else if (IsWord(i) && tokens[i].Has(TokenFlags.Lower) && (AgencyCode(i) || tokens[i].Is(Lex.AgencyAcronym) && !English(i)))
                {
                    Set(i, capital: true, restUpper: true);
                }
                else if (IsWord(i) && tokens[i].Has(TokenFlags.Lower) && CountyOrPlacePhrase(i))
                {
                    Set(i, capital: true);
                }
                else if (IsWord(i) && tokens[i].Has(TokenFlags.Lower) && (tokens[i].Is(Lex.Weekday) && !English(i) || StreetWord(i)))
                {
                    Set(i, capital: true);
                }
            }
        }

        /// <summary>
        /// A word of "-ing" a rare surname spells ("working", 506 in the census), after a name: what the named one was
        /// doing ("my partner jaylen whitfield working beat 1133"), not a third name; "manning" and "browning" are frequent,
        /// and a surname of two words keeps its first ("charles running crane").
        /// </summary>
        private bool IngWord(int i) =>
            tokens[i].Length > 4 && English(i) && W(i).EndsWith("ing", StringComparison.OrdinalIgnoreCase) && tokens[i].Lex.SurnameCount < 10_000
            && !(IsWord(i + 1) && tokens[i + 1].Start == tokens[i].End + 1 && lexicon.IsSplitSurname(text.AsSpan(tokens[i].Start, tokens[i + 1].End - tokens[i].Start)));

        /// <summary>"otero county", "keith co so", "prowers so", "in kansas city", "in st louis": lower-case places with their shape.</summary>
        private bool CountyOrPlacePhrase(int i)
        {
            if (tokens[i].Is(Lex.County) && !tokens[i].Is(Lex.Stop) && (Eq(i + 1, "county") || Eq(i + 1, "co") || Eq(i + 1, "so") && !English(i)))
            {
                return true;
            }

            if ((Eq(i, "county") || Eq(i, "co")) && IsWord(i - 1) && tokens[i - 1].Is(Lex.County) && !tokens[i - 1].Is(Lex.Stop))
            {
                return true;
            }

            // A two-word gazetteer place after a locative ("in kansas city", "to st louis", "near casa grande").
            for (var a = i - 1; a <= i; a++)
            {
                if (a >= 1 && IsWord(a) && IsWord(a + 1) && tokens[a - 1].Is(Lex.Locative) && IsWord(a - 1) && tokens[a + 1].Start == tokens[a].End + 1
                    && (PhrasePopulation(a, a + 1) >= 1_000 || SaintPhrasePopulation(a) >= 1_000))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"pd", "so", "pcso", "lbpd": an agency code after a capitalised place or standing for one.</summary>
        private bool AgencyCode(int i)
        {
            var w = W(i);
            if (w.Length is < 2 or > 6 || English(i) && !(w.Length == 2 && i > 0 && PlaceListed(i - 1)))
            {
                return false;
            }

            return w.EndsWith("pd", StringComparison.OrdinalIgnoreCase) || w.EndsWith("so", StringComparison.OrdinalIgnoreCase) && w.Length >= 3
                || w.Equals("so", StringComparison.OrdinalIgnoreCase) && i > 0 && (PlaceListed(i - 1) && !English(i - 1) || Eq(i - 1, "co") && IsWord(i - 2) && tokens[i - 2].Is(Lex.County));
        }

        /// <summary>A street name before a street suffix after a house number or "block of" ("3100 block of reach st").</summary>
        private bool StreetWord(int i)
        {
            if (tokens[i].Is(Lex.StreetSuffix) && i > 0 && IsWord(i - 1) && !tokens[i - 1].Is(Lex.Stop))
            {
                var k = i - 1;
                while (k > 0 && IsWord(k) && i - k < 3)
                {
                    k--;
                }

                return k >= 0 && (tokens[k].Kind == TokenKind.Number || tokens[k].Has(TokenFlags.DigitFirst) || Eq(k, "of") && Eq(k - 1, "block"))
                    && !(Eq(k + 1, "lane") || Eq(k + 1, "wheel")) // (a count of lanes or wheels: "a 2 lane road", "2 wheel drive")
                    && !(k + 1 < i && (tokens[k + 1].Is(Lex.Stop) || tokens[i - 1].Is(Lex.Stop))); // ("car 3391 was parked way behind me")
            }

            if (i + 1 < count && tokens[i + 1].Is(Lex.StreetSuffix) && StreetWord(i + 1))
            {
                return true;
            }

            // "44th and mcdowell", "pacific and 9th".
            return (Eq(i - 1, "and") || P(i - 1, '&') || P(i - 1, '/')) && i >= 2 && tokens[i - 2].Has(TokenFlags.DigitFirst) && !English(i)
                || (Eq(i + 1, "and") || P(i + 1, '&')) && i + 2 < count && tokens[i + 2].Has(TokenFlags.DigitFirst) && Eq(i - 1, "on");
        }

        /// <summary>"won't park", "can park": a word after a helping verb is a verb there, whatever name it spells elsewhere.</summary>
        private bool AfterHelperVerb(int i) =>
            i >= 1 && (Eq(i - 1, "can") || Eq(i - 1, "will") || Eq(i - 1, "would") || Eq(i - 1, "could") || Eq(i - 1, "should") || Eq(i - 1, "must")
                || Eq(i - 1, "t") && P(i - 2, '\''));

        /// <summary>What a speaker says while thinking ("um", "uh"), though a surname list holds it: never a name in dictation.</summary>
        private bool IsFiller(int i) => tokens[i].Length <= 4 && PiiContextRules.Fillers.Contains(text, tokens[i]);

        private bool PlaceNear(int i)
        {
            var p = i - 1;
            return p >= 0 && (tokens[p].Is(Lex.Locative) || AgencyCode(Math.Min(i + 1, count - 1)) && i + 1 < count);
        }

        private bool LowerEvidence(int i)
        {
            var p = PrevWord(i);
            if (p < 0 || English(i) && !NameListed(i) || tokens[i].Is(Lex.Measure | Lex.Month | Lex.Locative) || tokens[i].Lex.Has(LexExtra.NotPii) || IsFiller(i))
            {
                return false;
            }

            var nameLike = NameListed(i) || Unknown(i);
            if (!nameLike)
            {
                return false;
            }

            // "driver was wade hollister", "suspect is grant okafor": a role, "was" or "is", a given name and a surname that is no word.
            if ((Eq(p, "was") || Eq(p, "is")) && p == i - 1 && IsWord(p - 1) && tokens[p - 1].Is(Lex.Role) && tokens[i].Is(Lex.GivenName) && !tokens[i].Is(Lex.Stop)
                && IsWord(i + 1) && tokens[i + 1].Is(Lex.Surname) && !English(i + 1) && tokens[i + 1].Start == tokens[i].End + 1)
            {
                return true;
            }

            // An ordinary word is a name only when it is a frequent one ("grant", "rose"), not "light" or "sit", and not after "her".
            if (English(i) && (tokens[i].Lex.GivenCount < 20_000 && tokens[i].Lex.SurnameCount < 30_000 || AfterDeterminer(i)))
            {
                return false;
            }

            // "mr. warsame", "sgt. mike": a rank with its dot.
            if (P(i - 1, '.') && IsWord(i - 2) && (IsRankEvidence(i - 2) || Eq(i - 2, "mr") || Eq(i - 2, "mrs") || Eq(i - 2, "ms")))
            {
                return !tokens[i].Is(Lex.Rank | Lex.Role);
            }

            // "mr park", "mrs young": the title said without its dot.
            if (Eq(p, "mr") || Eq(p, "mrs"))
            {
                return !tokens[i].Is(Lex.Rank | Lex.Role) && p == i - 1;
            }

            // "me and bishop", "me n farah", "me ortega and benny", "bishop and i".
            if (Eq(p, "me") || Eq(p, "and") && Eq(p - 1, "me") || Eq(p, "n") && Eq(p - 1, "me") || P(p + 1, '&') && Eq(p - 1, "me"))
            {
                return true;
            }

            if (Eq(i + 1, "and") && (Eq(i + 2, "i") || Eq(i + 2, "me")) || Eq(p, "and") && i >= 3 && Eq(p - 2, "me"))
            {
                return true;
            }

            // A rank or role before: "sgt mike", "victim tran", "clerk mohamed", "son bao", "guy kyle", "named marcus".
            if (IsRankEvidence(p) && !Eq(p, "officer"))
            {
                return !tokens[i].Is(Lex.Rank | Lex.Role);
            }

            if (tokens[p].Is(Lex.Role) || Eq(p, "ex"))
            {
                return !English(i) || tokens[i].Is(Lex.Surname) && tokens[i].Lex.SurnameCount >= 10_000;
            }

            // "(yia thao)", "(luis ochoa)": a given name opening a parenthesis, and the word the gloss explains.
            if (P(i - 1, '(') && tokens[i].Is(Lex.GivenName) && IsWord(i + 1) && (NameListed(i + 1) || Unknown(i + 1)))
            {
                return true;
            }

            return P(i + 1, '(') && IsWord(i + 2) && tokens[i + 2].Is(Lex.GivenName) && IsWord(i + 3) && (NameListed(i + 3) || Unknown(i + 3)) && !tokens[i].Is(Lex.Role);
        }

        // -------------------------------------------------------------- headlines and headings
        /// <summary>Whether two in three of the line's words of four letters or more are not lower-case (and it has one).</summary>
        private bool MostlyCapitalised(int first, int end)
        {
            int words = 0, capital = 0;
            for (var k = first; k < end; k++)
            {
                if (IsWord(k) && tokens[k].Length >= 4)
                {
                    words++;
                    if (!tokens[k].Has(TokenFlags.Lower))
                    {
                        capital++;
                    }
                }
            }

            return words > 0 && capital * 3 >= words * 2;
        }

        /// <summary>A line that opens with its clock and a speaker before a colon: "[22:19] Moody: 10-4", "06:21 Sparks: ok".</summary>
        private bool ClockedTurn(int first, int end)
        {
            var k = P(first, '[') ? first + 1 : first;
            if (!(k + 2 < end && tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 2 && P(k + 1, ':') && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Length == 2))
            {
                return false;
            }

            k += 3;
            k += P(k, ']') ? 1 : 0;
            var words = k;
            while (k < end && k - words < 3 && IsWord(k))
            {
                k++;
            }

            return k > words && P(k, ':');
        }

        public void Headlines()
        {
            var lineStart = 0;
            for (var i = 0; i <= count; i++)
            {
                if (i == count || i > lineStart && tokens[i].Has(TokenFlags.NewlineBefore))
                {
                    Line(lineStart, i);
                    lineStart = i;
                }
            }
        }

        private void Line(int first, int end)
        {
            if (ClockedTurn(first, end))
            {
                return; // "[22:19] Moody: 10-4": a chat's turn, its speaker's name no heading
            }

            var colon = -1;
            for (var k = first; k < end && k < first + 5; k++)
            {
                if (P(k, ':'))
                {
                    colon = k;
                    break;
                }
            }

            // The shape of a headline first (most lines are prose, too long or ending in a full stop), then its words' case.
            var lastPunct = end > first && tokens[end - 1].Kind == TokenKind.Punct ? text[tokens[end - 1].Start] : ' ';
            var headline = end - first >= 2 && end < count && lastPunct is not ('.' or ',' or ';') && end - first <= 20 && MostlyCapitalised(first, end);
            var last = headline ? end : colon > first ? colon : -1;
            for (var k = first; k < last; k++)
            {
                if (!IsWord(k) || tokens[k].Has(TokenFlags.Lower) || !English(k) && !tokens[k].Lex.Has(LexExtra.NotPii))
                {
                    continue;
                }

                // Keep names, places, and the words that make agencies and addresses.
                if (ProperOnItsOwn(k) || tokens[k].Is(Lex.Rank) || AfterRank(k) || SurnameAfterGivenName(k) || Eq(k, "interstate") || Eq(k, "route") || Eq(k, "exit")
                    || k + 1 < end && IsWord(k + 1) && tokens[k + 1].Is(Lex.PremiseSuffix | Lex.StreetSuffix) && !tokens[k + 1].Has(TokenFlags.Lower) && !tokens[k].Lex.Has(LexExtra.NotPii)
                    || tokens[k].Is(Lex.StreetSuffix | Lex.PremiseSuffix | Lex.OrgSuffix | Lex.SubUnit)
                    || Eq(k, "police") || Eq(k, "sheriff") || Eq(k, "sheriff's") || Eq(k, "department") || Eq(k, "county")
                    || Eq(k, "patrol") || Eq(k, "highway") || Eq(k, "city") || PlaceListed(k) && tokens[k].Lex.PlacePopulation >= 50_000)
                {
                    continue;
                }

                Set(k, capital: k == first);
            }
        }

        /// <summary>A surname that is also a word after a given name that is none: "Nathaniel Young, Booking P718809", "P.O. Brandon Hunter #3388".</summary>
        private bool SurnameAfterGivenName(int k, bool again = false) =>
            IsWord(k - 1) && Spaced(k - 1, k) && tokens[k - 1].Has(TokenFlags.Capitalized) && tokens[k].Is(Lex.Surname)
            && (tokens[k - 1].Is(Lex.GivenName) && ProperOnItsOwn(k - 1) && !(Eq(k - 2, "st") || Eq(k - 2, "saint") || Eq(k - 2, "san") || Eq(k - 2, "santa") || Eq(k - 2, "fort") || Eq(k - 2, "mount") || Eq(k - 2, "lake") || P(k - 2, '.') && Eq(k - 3, "st"))
                || !again && tokens[k - 1].Is(Lex.Surname) && SurnameAfterGivenName(k - 1, again: true)); // ("Marnie Eagle Heart")

        /// <summary>
        /// A listed name after a rank, with or without its dot ("Sgt. Miller 23:53:", "Dep. Young:"), or a surname after a
        /// given name after a rank ("Ofc. Dakota Shepherd", "Officer Brianna Stone"): a speaker, not a heading word. An
        /// ordinary word must be a frequent name ("Class" after "Recruit" is not) or stand before a surname that is no word
        /// ("Cpl. Dusty Rhoades").
        /// </summary>
        private bool AfterRank(int k, bool surname = false)
        {
            var r = P(k - 1, '.') ? k - 2 : k - 1;
            // (an ordinary word before a listed surname that is no word is a given name: "Cpl. Dusty Rhoades")
            var ordinary = English(k) && tokens[k].Lex.GivenCount < 20_000 && tokens[k].Lex.SurnameCount < 30_000
                && !(!surname && IsWord(k + 1) && tokens[k + 1].Is(Lex.Surname) && !English(k + 1) && Spaced(k, k + 1));
            if (!NameListed(k) || tokens[k].Is(Lex.Rank | Lex.Role) || ordinary)
            {
                return false;
            }

            // The surname after a given name after a rank: "Ofc. Dakota Shepherd", "Sgt. Ellie Brooks:".
            return IsRankEvidence(r) && (surname || !Eq(r, "officer") && !Eq(r, "partner"))
                || !surname && r == k - 1 && r >= 0 && IsWord(r) && tokens[k].Is(Lex.Surname) && tokens[r].Is(Lex.GivenName) && AfterRank(r, surname: true);
        }
    }
}
