using UglyToad.PdfPig;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;

namespace BizSuite.Tests;

/// <summary>
/// What a reader of a generated PDF sees: the text of each page as PdfPig extracts it, the fonts it is drawn in, and the
/// drawn characters the embedded font has no glyph for (an empty box on paper). Linked into the test projects that print.
/// </summary>
public sealed class PdfText
{
    private readonly int _glyphsWithoutCharacter;

    private PdfText(IReadOnlyList<string> pages, IReadOnlyList<string> fonts, string characters, int glyphsWithoutCharacter)
    {
        Pages = pages;
        Fonts = fonts;
        Characters = characters;
        _glyphsWithoutCharacter = glyphsWithoutCharacter;
    }

    public IReadOnlyList<string> Pages { get; }

    /// <summary>All pages' text, one after the other.</summary>
    public string All => string.Concat(Pages);

    /// <summary>The names of the fonts the letters are drawn in.</summary>
    public IReadOnlyList<string> Fonts { get; }

    /// <summary>Every character drawn, each once.</summary>
    public string Characters { get; }

    /// <summary>Where <see cref="Read"/> leaves each document it read, to open or render (pdftoppm) after the run.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "documents");

    /// <summary>Reads <paramref name="pdf"/> and keeps a copy as <c>documents/{name}.pdf</c> beside the tests.</summary>
    public static PdfText Read(byte[] pdf, string name)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(Path.Combine(Folder, name + ".pdf"), pdf);
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        var letters = pages.SelectMany(p => p.Letters).ToList();
        // A character the font lacks is drawn as its .notdef glyph, which maps back to no character ("\0").
        return new PdfText(pages.Select(p => p.Text).ToList(), letters.Select(l => l.FontName ?? "").Distinct().ToList(),
            new string(letters.SelectMany(l => l.Value).Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).Distinct().ToArray()),
            letters.Count(l => l.Value.Length == 0 || l.Value.Any(char.IsControl)));
    }

    /// <summary>
    /// The drawn characters that <paramref name="fontFace"/> (a TrueType font file) maps to no glyph, and a U+FFFD for each
    /// glyph drawn that stands for no character (an empty box on paper).
    /// </summary>
    public string NotCoveredBy(byte[] fontFace)
    {
        var font = TrueTypeFontParser.Parse(new TrueTypeDataBytes(fontFace));
        return new string(Characters.Where(c => font.WindowsUnicodeCMap.CharacterCodeToGlyphIndex(c) == 0).ToArray()) + new string('\uFFFD', _glyphsWithoutCharacter);
    }
}
