namespace SkydFast.Client;

/// <summary>An unsigned 64-bit integer (<c>:</c>): a count or a size.</summary>
public sealed class SkyInteger(ulong value) : SkyElement
{
    /// <inheritdoc/>
    public override SkyElementKind Kind => SkyElementKind.UnsignedInt;

    /// <summary>The number.</summary>
    public ulong Value { get; } = value;

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A 32-bit float (<c>%</c>), sent as its shortest decimal text (<c>SYS INFO protover</c> is <c>1.2</c>).</summary>
public sealed class SkyFloat(float value, string text) : SkyElement
{
    /// <inheritdoc/>
    public override SkyElementKind Kind => SkyElementKind.Float;

    /// <summary>The number.</summary>
    public float Value { get; } = value;

    /// <summary>The text the server sent.</summary>
    public string Text { get; } = text;

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>A response code (<c>!</c> followed by digits).</summary>
public sealed class SkyCode(SkyResponseCode code) : SkyElement
{
    /// <inheritdoc/>
    public override SkyElementKind Kind => SkyElementKind.ResponseCode;

    /// <summary>The code; a number 0.7 does not define keeps its value (<c>(SkyResponseCode)12</c>).</summary>
    public SkyResponseCode Code { get; } = code;

    /// <inheritdoc/>
    public override string ToString() => $"code {(int)Code} ({Code})";
}

/// <summary>An error string (<c>!</c> followed by a word such as <c>wrong-model</c>, skyhash-1.0.md §8).</summary>
public sealed class SkyErrorString(string text) : SkyElement
{
    /// <inheritdoc/>
    public override SkyElementKind Kind => SkyElementKind.ErrorString;

    /// <summary>The word, exactly as sent (<c>Unknown action</c>, <c>container-not-found</c>...).</summary>
    public string Text { get; } = text;

    /// <inheritdoc/>
    public override string ToString() => Text;
}
