namespace NearMiss.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository root: the folder holding NearMiss.slnx.</summary>
    public static string Root { get; } = Find();

    public static string Web => Path.Combine(Root, "web");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NearMiss.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NearMiss.slnx not found above the test binaries.");
    }
}
