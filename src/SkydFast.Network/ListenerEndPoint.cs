using System.Net;
using System.Net.Security;

namespace SkydFast.Network;

/// <summary>One address a <see cref="SocketListener"/> accepts on.</summary>
/// <param name="EndPoint">Address and port (IPv4 or IPv6; port 0 picks a free port).</param>
/// <param name="Certificate">The server certificate with its private key and chain: connections here speak TLS 1.2 or
/// 1.3 with the ciphers of Mozilla's "intermediate" profile. Null: plain TCP.</param>
public sealed record ListenerEndPoint(IPEndPoint EndPoint, SslStreamCertificateContext? Certificate = null);
