using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SkydFast.Load.Net;

/// <summary>
/// epoll and non-blocking send/recv from libc: the event loop of <see cref="Worker"/>. .NET's async sockets would
/// hand every completion to the thread pool; a load generator that must not be the bottleneck on 2 cores waits for
/// its own sockets on its own threads instead, with the same system calls as a C client (the referee).
/// </summary>
internal static partial class Native
{
    internal const int EpollIn = 0x001;
    internal const int EpollOut = 0x004;
    internal const int EpollErr = 0x008;
    internal const int EpollHup = 0x010;

    /// <summary>What <see cref="Receive"/> returns at the end of the stream (the peer closed).</summary>
    internal const int Closed = int.MinValue;

    private const int EAgain = 11;
    private const int EIntr = 4;

    private const string Libc = "libc";
    private const int EpollCloexec = 0x80000;
    private const int EpollCtlAdd = 1;
    private const int EpollCtlDel = 2;
    private const int EpollCtlMod = 3;

    // MSG_NOSIGNAL: a closed peer is an EPIPE error, not a SIGPIPE.
    private const int MsgNoSignal = 0x4000;

    /// <summary>Bytes of one <c>struct epoll_event</c>: the kernel packs it to 12 bytes on x86-64 only (a u32
    /// then a u64), elsewhere the u64 is 8-aligned.</summary>
    internal static readonly int EpollEventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    private static readonly int EpollDataOffset = EpollEventSize - 8;

    /// <summary>A new epoll instance; throws on failure.</summary>
    internal static int CreateEpoll()
    {
        var fd = EpollCreate1(EpollCloexec);
        return fd >= 0 ? fd : throw Error("epoll_create1");
    }

    /// <summary>Watches <paramref name="fd"/> for <paramref name="events"/>, tagged with <paramref name="tag"/>.</summary>
    internal static void Watch(int epoll, int fd, int events, ulong tag) => Control(epoll, EpollCtlAdd, fd, events, tag);

    /// <summary>Changes the events watched on <paramref name="fd"/>.</summary>
    internal static void Rewatch(int epoll, int fd, int events, ulong tag) => Control(epoll, EpollCtlMod, fd, events, tag);

    /// <summary>Stops watching <paramref name="fd"/> (epoll reports errors and hang-ups even when no event is
    /// asked for, so a failed connection must leave the set).</summary>
    internal static void Unwatch(int epoll, int fd) => Control(epoll, EpollCtlDel, fd, 0, 0);

    /// <summary>Waits up to <paramref name="timeoutMs"/> for events into <paramref name="events"/> (a buffer of
    /// whole <see cref="EpollEventSize"/> records); returns their count, 0 on timeout or a signal.</summary>
    internal static int Wait(int epoll, Span<byte> events, int timeoutMs)
    {
        var count = EpollWait(epoll, events, events.Length / EpollEventSize, timeoutMs);
        if (count >= 0)
        {
            return count;
        }

        return Marshal.GetLastPInvokeError() == EIntr ? 0 : throw Error("epoll_wait");
    }

    /// <summary>The events of record <paramref name="index"/>.</summary>
    internal static int EventsOf(ReadOnlySpan<byte> events, int index) =>
        (int)BinaryPrimitives.ReadUInt32LittleEndian(events[(index * EpollEventSize)..]);

    /// <summary>The tag of record <paramref name="index"/>.</summary>
    internal static ulong TagOf(ReadOnlySpan<byte> events, int index) =>
        BinaryPrimitives.ReadUInt64LittleEndian(events[((index * EpollEventSize) + EpollDataOffset)..]);

    /// <summary>Sends what the socket takes now: the byte count, 0 when it takes nothing (EAGAIN), or -errno.</summary>
    internal static int Send(int fd, ReadOnlySpan<byte> bytes)
    {
        var sent = SendRaw(fd, bytes, bytes.Length, MsgNoSignal);
        return sent >= 0 ? (int)sent : Failure();
    }

    /// <summary>Receives what is there: the byte count, 0 when nothing is (EAGAIN), <see cref="Closed"/> at the end
    /// of the stream, or -errno.</summary>
    internal static int Receive(int fd, Span<byte> buffer)
    {
        var received = RecvRaw(fd, buffer, buffer.Length, 0);
        if (received > 0)
        {
            return (int)received;
        }

        return received == 0 ? Closed : Failure();
    }

    /// <summary>Closes an epoll instance.</summary>
    internal static void CloseEpoll(int fd) => _ = Close(fd);

    /// <summary>The text of a negative result of <see cref="Send"/> or <see cref="Receive"/>.</summary>
    internal static string Describe(int result) =>
        result == Closed ? "the server closed the connection" : Marshal.GetPInvokeErrorMessage(-result);

    private static int Failure()
    {
        var errno = Marshal.GetLastPInvokeError();
        return errno is EAgain or EIntr ? 0 : -errno;
    }

    private static void Control(int epoll, int operation, int fd, int events, ulong tag)
    {
        Span<byte> record = stackalloc byte[16];
        record.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)events);
        BinaryPrimitives.WriteUInt64LittleEndian(record[EpollDataOffset..], tag);
        if (EpollCtl(epoll, operation, fd, record) != 0)
        {
            throw Error("epoll_ctl");
        }
    }

    private static IOException Error(string call) =>
        new($"{call}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");

    [LibraryImport(Libc, EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int EpollCreate1(int flags);

    [LibraryImport(Libc, EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollCtl(int epoll, int operation, int fd, ReadOnlySpan<byte> evt);

    [LibraryImport(Libc, EntryPoint = "epoll_wait", SetLastError = true)]
    private static partial int EpollWait(int epoll, Span<byte> events, int maxEvents, int timeoutMs);

    [LibraryImport(Libc, EntryPoint = "send", SetLastError = true)]
    private static partial nint SendRaw(int fd, ReadOnlySpan<byte> buffer, nint length, int flags);

    [LibraryImport(Libc, EntryPoint = "recv", SetLastError = true)]
    private static partial nint RecvRaw(int fd, Span<byte> buffer, nint length, int flags);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
