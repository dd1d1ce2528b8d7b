namespace SkydFast.Host.Configuration.Toml;

/// <summary>
/// How a table was created. TOML 1.0 defines each table once, in one of three ways (a header, dotted keys, an
/// inline table), and may name it earlier without defining it; this is what the redefinition rules check.
/// </summary>
internal enum TableOrigin
{
    /// <summary>
    /// Named as a parent in a header (<c>b</c> in <c>[a.b.c]</c>) but not defined: a later <c>[a.b]</c> may define it,
    /// or dotted keys in the section of its parent (<c>b.d = 1</c> under <c>[a]</c>).
    /// </summary>
    Implicit,

    /// <summary>Defined by a <c>[header]</c> or a <c>[[header]]</c> element (and the root): no header may define it again.</summary>
    Header,

    /// <summary>
    /// Defined by dotted keys (<c>a</c> in <c>a.b = 1</c>): more dotted keys of the same section may add to it, and
    /// headers may add sub-tables, but no header may define it.
    /// </summary>
    Dotted,

    /// <summary>An inline table: closed, nothing may add to it, nor to the tables inside it (reachable only through it).</summary>
    Inline,
}
