using System.Text.Json;

using NearMiss.Core.Pii;

namespace NearMiss.Cli.Pii;

/// <summary>Reads a gold set (pii-eval's format: offsets in code points) as training texts in UTF-16 offsets.</summary>
public static class PiiTrainingFile
{
    public static async Task<List<PiiTrainingText>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var texts = new List<PiiTrainingText>();
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var text = document.RootElement.GetProperty("text").GetString() ?? "";
            var utf16 = Utf16Offsets(text);
            var spans = new List<PiiSpan>();
            foreach (var span in document.RootElement.GetProperty("spans").EnumerateArray())
            {
                if (PiiLabels.TryParse(span.GetProperty("label").GetString() ?? "", out var label))
                {
                    spans.Add(new PiiSpan(utf16[span.GetProperty("start").GetInt32()], utf16[span.GetProperty("end").GetInt32()], label));
                }
            }

            texts.Add(new PiiTrainingText(text, spans));
        }

        return texts;
    }

    /// <summary>The UTF-16 offset of each code-point offset, and of the end.</summary>
    private static int[] Utf16Offsets(string text)
    {
        var offsets = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        offsets.Add(text.Length);
        return [.. offsets];
    }
}
