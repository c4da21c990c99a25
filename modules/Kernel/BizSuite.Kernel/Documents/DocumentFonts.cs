using System.Collections.Concurrent;
using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace BizSuite.Kernel;

/// <summary>Where the font of printed documents comes from (configuration section <c>Documents</c>).</summary>
public sealed class DocumentOptions
{
    /// <summary>The Debian package that installs <see cref="DefaultFontPath"/> (scripts/lib.sh and docker/Dockerfile install it).</summary>
    public const string FontPackage = "fonts-wqy-zenhei";

    /// <summary>WenQuanYi Zen Hei: CJK, Latin, digits and punctuation in TrueType outlines, which PDFsharp 6.2 subsets and embeds.</summary>
    public const string DefaultFontPath = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    /// <summary>A TrueType font (.ttf) or collection (.ttc, its first face is used) covering Chinese and Latin text.</summary>
    public string FontPath { get; set; } = DefaultFontPath;
}

/// <summary>
/// PDFsharp's font resolver is process-wide (<see cref="GlobalFontSettings.FontResolver"/>): this is the one place that
/// sets it, once per process. The family name a document asks for is the font file's path, so hosts configured with
/// different fonts in one process (tests, benchmarks) never see each other's font, and installing again changes nothing.
/// Plugins render through <see cref="DocumentRenderer"/> and never set a resolver of their own.
/// </summary>
internal static class DocumentFonts
{
    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Faces = new();

    /// <summary>Checks the font file and returns the family name that resolves to it.</summary>
    public static string Register(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
            throw new InvalidOperationException(
                $"The font for printed documents is missing: {fullPath}. Install the Debian package {DocumentOptions.FontPackage} " +
                $"(apt-get install {DocumentOptions.FontPackage}) or point Documents:FontPath at a TrueType font with Chinese and Latin glyphs.");
        Faces.GetOrAdd(fullPath, p => new Lazy<byte[]>(() => FirstFace(File.ReadAllBytes(p))));
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not Resolver) GlobalFontSettings.FontResolver = new Resolver();
        }
        return fullPath;
    }

    /// <summary>The TrueType face documents embed (for tests that check which characters it covers).</summary>
    public static byte[] Face(string family) => Faces[family].Value;

    /// <summary>
    /// PDFsharp 6.2 reads single TrueType fonts only (a collection fails inside it), so the first face of a collection
    /// is copied out as a font of its own: its table directory followed by its tables, with the offsets moved.
    /// </summary>
    internal static byte[] FirstFace(byte[] file)
    {
        if (file.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(file) != 0x74746366) return file; // "ttcf"
        var face = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12));
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(face + 4));
        var directoryLength = 12 + 16 * tableCount;
        var tables = Enumerable.Range(0, tableCount).Select(i => face + 12 + 16 * i)
            .Select(record => (Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(record + 8)),
                               Length: (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(record + 12)))).ToList();
        var output = new byte[directoryLength + tables.Sum(t => Padded(t.Length))];
        file.AsSpan(face, directoryLength).CopyTo(output);
        var position = directoryLength;
        for (var i = 0; i < tables.Count; i++)
        {
            file.AsSpan(tables[i].Offset, tables[i].Length).CopyTo(output.AsSpan(position));
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(12 + 16 * i + 8), (uint)position);
            position += Padded(tables[i].Length);
        }
        return output;

        static int Padded(int length) => (length + 3) & ~3;
    }

    /// <summary>The font has one (regular) face: bold is drawn as simulated bold, which PDFsharp does by stroking the outline.</summary>
    private sealed class Resolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            Faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

        public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var face) ? face.Value : null;
    }
}
