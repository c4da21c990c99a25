using Shouldly;

namespace BizSuite.Tests;

/// <summary>
/// A file generated from the code and committed so reviewers and other tools read it (the event map, the OpenAPI snapshot):
/// a test regenerates it and fails while the committed copy differs; with the write variable set to 1 it rewrites it instead.
/// Linked into the test projects that keep such a file.
/// </summary>
internal static class CommittedFile
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BizSuite.sln"))) return dir.FullName;
        throw new InvalidOperationException("BizSuite.sln not found above " + AppContext.BaseDirectory);
    }

    public static async Task ShouldBeCurrentAsync(string relativePath, string generated, string writeVariable, string regenerate)
    {
        var path = Path.Combine(RepositoryRoot(), relativePath);
        if (Environment.GetEnvironmentVariable(writeVariable) == "1") await File.WriteAllTextAsync(path, generated);
        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        committed.ShouldBe(generated, $"{relativePath} is stale: regenerate with {regenerate}");
    }
}
