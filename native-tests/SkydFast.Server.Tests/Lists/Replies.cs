namespace SkydFast.Server.Tests.Lists;

/// <summary>Expected response packets of simple queries, as Latin-1 strings (one char per byte).</summary>
internal static class Replies
{
    public const string Ok = "*1\n!1\n0\n";
    public const string Nil = "*1\n!1\n1\n";
    public const string Ovw = "*1\n!1\n2\n";
    public const string Aerr = "*1\n!1\n3\n";
    public const string Serr = "*1\n!1\n5\n";
    public const string Wt = "*1\n!1\n7\n";
    public const string Enc = "*1\n!1\n9\n";
    public const string Unknown = "*1\n!14\nUnknown action\n";
    public const string BadIndex = "*1\n!14\nbad-list-index\n";
    public const string IsEmpty = "*1\n!13\nlist-is-empty\n";
    public const string WrongModel = "*1\n!11\nwrong-model\n";
    public const string Unset = "*1\n!23\ndefault-container-unset\n";
    public const string NotFound = "*1\n!19\ncontainer-not-found\n";
    public const string Malformed = "*1\n!20\nmalformed-expression\n";
    public const string BadName = "*1\n!18\nbad-container-name\n";
}
