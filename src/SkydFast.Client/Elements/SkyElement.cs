namespace SkydFast.Client;

/// <summary>Which response element type (skyhash-1.0.md §6.1) a <see cref="SkyElement"/> is.</summary>
public enum SkyElementKind
{
    /// <summary><c>+</c>: a string (<see cref="SkyValue"/>).</summary>
    String,

    /// <summary><c>?</c>: a binary string (<see cref="SkyValue"/>).</summary>
    Binary,

    /// <summary><c>:</c>: an unsigned 64-bit integer (<see cref="SkyInteger"/>).</summary>
    UnsignedInt,

    /// <summary><c>%</c>: a 32-bit float (<see cref="SkyFloat"/>).</summary>
    Float,

    /// <summary><c>!</c> with digits: a response code (<see cref="SkyCode"/>).</summary>
    ResponseCode,

    /// <summary><c>!</c> with a word: an error string (<see cref="SkyErrorString"/>).</summary>
    ErrorString,

    /// <summary><c>@</c>: a typed array whose entries may be null (<see cref="SkyTypedArray"/>).</summary>
    TypedArray,

    /// <summary><c>^</c>: a typed array without nulls (<see cref="SkyTypedArray"/>).</summary>
    NonNullTypedArray,

    /// <summary><c>&amp;</c>: an array of any elements, arrays included (<see cref="SkyArray"/>).</summary>
    Array,

    /// <summary><c>_</c>: a flat array of non-array elements (<see cref="SkyArray"/>).</summary>
    FlatArray,
}

/// <summary>One parsed response element: the reply to one query, or one stage of a pipeline.</summary>
public abstract class SkyElement
{
    private protected SkyElement()
    {
    }

    /// <summary>The element's wire type.</summary>
    public abstract SkyElementKind Kind { get; }

    /// <summary>True for an error string and for every response code other than <see cref="SkyResponseCode.Okay"/>
    /// and <see cref="SkyResponseCode.Nil"/>.</summary>
    public bool IsError => this is SkyErrorString || (this is SkyCode code && code.Code > SkyResponseCode.Nil);
}
