using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace NearMiss.LocalHost;

/// <summary>
/// In development, every key of <see cref="Names"/> that configuration lacks (<c>NearMiss:Keys:{name}</c>) is
/// created once, 32 bytes from <see cref="RandomNumberGenerator"/>, kept in <c>.nearmiss/keys.json</c> (mode 600)
/// and read from there on later runs, so sealed reports stay readable across restarts. Keys that configuration
/// does give are never written to the file.
/// </summary>
public static class DevelopmentKeys
{
    /// <summary>The keys a development host may create. A new key only needs its name here.</summary>
    public static readonly string[] Names = ["Sealing", "Receipt", "Signing"];

    public const string Section = "NearMiss:Keys";

    public static string PathUnder(string directory) => Path.Combine(directory, ".nearmiss", "keys.json");

    /// <summary>The settings to add to configuration for the keys it lacks, creating or extending the key file.</summary>
    public static Dictionary<string, string?> Ensure(IConfiguration configuration, string directory)
    {
        var missing = Names.Where(name => string.IsNullOrEmpty(configuration[$"{Section}:{name}"])).ToList();
        var settings = new Dictionary<string, string?>();
        if (missing.Count == 0)
        {
            return settings;
        }

        var path = PathUnder(directory);
        var stored = File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : [];
        var added = false;
        foreach (var name in missing)
        {
            if (!stored.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
            {
                value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                stored[name] = value;
                added = true;
            }

            settings[$"{Section}:{name}"] = value;
        }

        if (added)
        {
            Write(path, stored);
        }

        return settings;
    }

    private static void Write(string path, Dictionary<string, string> keys)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, keys, new JsonSerializerOptions { WriteIndented = true });
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
