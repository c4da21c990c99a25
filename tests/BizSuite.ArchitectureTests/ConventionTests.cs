using BizSuite.Tests;
using System.Text.RegularExpressions;
using Shouldly;

namespace BizSuite.ArchitectureTests;

/// <summary>
/// One shape for every module, read from the source: routes live in one <c>&lt;Aggregate&gt;Endpoints.cs</c> per aggregate
/// with named handler methods, and EF model configuration lives in the module's <c>Data/&lt;Module&gt;DbContext.cs</c>.
/// </summary>
public sealed partial class ConventionTests
{
    /// <summary>Files that map routes without being an aggregate's endpoints, and why.</summary>
    private static readonly Dictionary<string, string> MappingInfrastructure = new()
    {
        ["modules/Kernel/BizSuite.Kernel/Hosting/BizSuiteHosting.cs"] = "the host's /api group and each module's group under it",
    };

    private static IEnumerable<(string Path, string Text)> ModuleSources()
    {
        var root = CommittedFile.RepositoryRoot();
        return Directory.EnumerateFiles(Path.Combine(root, "modules"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/Migrations/") && !f.Contains("/bin/") && !f.Contains("/obj/"))
            .Select(f => (f, File.ReadAllText(Path.Combine(root, f))));
    }

    [Fact]
    public void Routes_are_mapped_only_in_an_aggregates_Endpoints_file()
    {
        var misplaced = ModuleSources()
            .Where(s => !s.Path.EndsWith("Endpoints.cs", StringComparison.Ordinal) && !MappingInfrastructure.ContainsKey(s.Path) && RouteMapping().IsMatch(s.Text))
            .Select(s => $"{s.Path} maps routes: move them to <Aggregate>Endpoints.cs in the aggregate's folder (a static class whose first method " +
                         "Map<Aggregate>Endpoints lists the routes); the module class only calls api.Map<Aggregate>Endpoints().")
            .ToList();

        misplaced.ShouldBeEmpty();
    }

    [Fact]
    public void Endpoint_handlers_are_named_methods_not_lambdas()
    {
        var lambdas = new List<string>();
        foreach (var (path, text) in ModuleSources().Where(s => s.Path.EndsWith("Endpoints.cs", StringComparison.Ordinal)))
        foreach (Match map in RouteHandlerMapping().Matches(text))
            if (Arguments(text, map.Index + map.Length).Contains("=>"))
                lambdas.Add($"{path}:{text[..map.Index].Count(c => c == '\n') + 1} maps a lambda: give the handler a named method " +
                            "(ListCustomers, SignContract…) returning a typed result (Ok<T>, Created<T>, NoContent, a file) and pass it as a method group.");

        lambdas.ShouldBeEmpty();
    }

    [Fact]
    public void Entity_configuration_lives_in_the_modules_DbContext()
    {
        var misplaced = ModuleSources()
            .Where(s => !DbContextFile().IsMatch(s.Path) && (s.Text.Contains("modelBuilder.Entity<") || s.Text.Contains("IEntityTypeConfiguration")))
            .Select(s => $"{s.Path} configures the EF model: put it in OnModelCreating of the module's Data/<Module>DbContext.cs, where all of it is.")
            .ToList();

        misplaced.ShouldBeEmpty();
    }

    /// <summary>The text of the argument list that starts at <paramref name="start"/>, up to its closing parenthesis.</summary>
    private static string Arguments(string text, int start)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return text[start..i];
        }
        return text[start..];
    }

    [GeneratedRegex(@"\.(Map(Get|Post|Put|Delete|Patch)|MapGroup)\(")]
    private static partial Regex RouteMapping();

    [GeneratedRegex(@"\.Map(Get|Post|Put|Delete|Patch)\(")]
    private static partial Regex RouteHandlerMapping();

    [GeneratedRegex(@"/Data/[A-Za-z]+DbContext\.cs$")]
    private static partial Regex DbContextFile();
}
