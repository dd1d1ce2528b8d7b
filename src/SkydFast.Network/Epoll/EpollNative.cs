using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SkydFast.Network.Epoll;

/// <summary>
/// epoll, eventfd and non-blocking send/recv from libc (Linux), for the server's event loops and the load
/// generator's. Results are returned as values, never thrown, on the hot path: a byte count, or a negative errno.
/// </summary>
public static partial class EpollNative
{
    /// <summary>EPOLLIN: readable.</summary>
    public const uint In = 0x001;

    /// <summary>EPOLLOUT: writable.</summary>
    public const uint Out = 0x004;

    /// <summary>EPOLLERR: an error is pending (reported whether asked for or not).</summary>
    public const uint Err = 0x008;

    /// <summary>EPOLLHUP: hung up (reported whether asked for or not).</summary>
    public const uint Hup = 0x010;

    /// <summary>EAGAIN: nothing to receive, or no room to send, now.</summary>
    public const int EAgain = 11;

    /// <summary>EINTR: interrupted by a signal.</summary>
    public const int EIntr = 4;

    private const string Libc = "libc";
    private const int EpollCloexec = 0x80000;
    private const int EpollCtlAdd = 1;
    private const int EpollCtlDel = 2;
    private const int EpollCtlMod = 3;
    private const int EfdCloexec = 0x80000;
    private const int EfdNonblock = 0x800;

    // MSG_NOSIGNAL: a peer that is gone is an EPIPE result, not a SIGPIPE that would end the process.
    private const int MsgNoSignal = 0x4000;

    // SHUT_WR.
    private const int ShutWrite = 1;

    /// <summary>Bytes of one <c>struct epoll_event</c>: packed to 12 bytes on x86-64 only (a u32, then a u64),
    /// elsewhere the u64 is 8-aligned.</summary>
    public static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    private static readonly int DataOffset = EventSize - 8;

    /// <summary>A new epoll set; throws on failure.</summary>
    public static int CreateEpoll()
    {
        var fd = EpollCreate1(EpollCloexec);
        return fd >= 0 ? fd : throw Failure("epoll_create1");
    }

    /// <summary>A new non-blocking eventfd; throws on failure.</summary>
    public static int CreateEventFd()
    {
        var fd = EventFd(0, EfdCloexec | EfdNonblock);
        return fd >= 0 ? fd : throw Failure("eventfd");
    }

    /// <summary>Adds <paramref name="fd"/> to the set with <paramref name="events"/>, tagged <paramref name="tag"/>; false
    /// when the kernel refuses, which for a socket means it is already closing.</summary>
    public static bool Add(int epoll, int fd, uint events, ulong tag) => Control(epoll, EpollCtlAdd, fd, events, tag);

    /// <summary>Changes <paramref name="fd"/>'s interest; false when the kernel refuses.</summary>
    public static bool Modify(int epoll, int fd, uint events, ulong tag) => Control(epoll, EpollCtlMod, fd, events, tag);

    /// <summary>Takes <paramref name="fd"/> out of the set; false when the kernel refuses.</summary>
    public static bool Remove(int epoll, int fd) => Control(epoll, EpollCtlDel, fd, 0, 0);

    /// <summary>Waits for events into whole <see cref="EventSize"/> records; 0 on timeout or a signal.</summary>
    public static int Wait(int epoll, Span<byte> events, int timeoutMs)
    {
        var count = EpollWait(epoll, events, events.Length / EventSize, timeoutMs);
        if (count >= 0)
        {
            return count;
        }

        return Marshal.GetLastPInvokeError() == EIntr ? 0 : throw Failure("epoll_wait");
    }

    /// <summary>The events of record <paramref name="index"/>.</summary>
    public static uint EventsOf(ReadOnlySpan<byte> events, int index) =>
        BinaryPrimitives.ReadUInt32LittleEndian(events[(index * EventSize)..]);

    /// <summary>The tag of record <paramref name="index"/>.</summary>
    public static ulong TagOf(ReadOnlySpan<byte> events, int index) =>
        BinaryPrimitives.ReadUInt64LittleEndian(events[((index * EventSize) + DataOffset)..]);

    /// <summary>What the socket takes now: bytes sent, 0 when it takes nothing (EAGAIN), or -errno.</summary>
    public static int Send(int fd, ReadOnlySpan<byte> bytes)
    {
        var sent = SendRaw(fd, bytes, bytes.Length, MsgNoSignal);
        return sent >= 0 ? (int)sent : Errno();
    }

    /// <summary>What is there: bytes received, 0 at the end of the stream, -EAGAIN when nothing is, or -errno.</summary>
    public static int Receive(int fd, Span<byte> buffer)
    {
        var received = RecvRaw(fd, buffer, buffer.Length, 0);
        if (received >= 0)
        {
            return (int)received;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == EIntr ? -EAgain : -errno;
    }

    /// <summary>Sends FIN after what is queued; errors (the peer already gone) are of no interest.</summary>
    public static void ShutdownSend(int fd) => _ = Shutdown(fd, ShutWrite);

    /// <summary>Adds one to an eventfd, waking its epoll.</summary>
    public static void Signal(int eventFd)
    {
        Span<byte> one = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(one, 1);
        _ = Write(eventFd, one, 8);
    }

    /// <summary>Resets an eventfd after it woke the loop.</summary>
    public static void Drain(int eventFd)
    {
        Span<byte> value = stackalloc byte[8];
        _ = Read(eventFd, value, 8);
    }

    /// <summary>Closes an epoll set or an eventfd.</summary>
    public static void CloseDescriptor(int fd) => _ = Close(fd);

    /// <summary>The text of a negative result of <see cref="Send"/> or <see cref="Receive"/>.</summary>
    public static string Describe(int result) => Marshal.GetPInvokeErrorMessage(-result);

    private static int Errno()
    {
        var errno = Marshal.GetLastPInvokeError();
        return errno is EAgain or EIntr ? 0 : -errno;
    }

    private static bool Control(int epoll, int operation, int fd, uint events, ulong tag)
    {
        Span<byte> record = stackalloc byte[16];
        record.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(record, events);
        BinaryPrimitives.WriteUInt64LittleEndian(record[DataOffset..], tag);
        return EpollCtl(epoll, operation, fd, record) == 0;
    }

    private static IOException Failure(string call) =>
        new($"{call}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");

    [LibraryImport(Libc, EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int EpollCreate1(int flags);

    [LibraryImport(Libc, EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollCtl(int epoll, int operation, int fd, ReadOnlySpan<byte> evt);

    [LibraryImport(Libc, EntryPoint = "epoll_wait", SetLastError = true)]
    private static partial int EpollWait(int epoll, Span<byte> events, int maxEvents, int timeoutMs);

    [LibraryImport(Libc, EntryPoint = "eventfd", SetLastError = true)]
    private static partial int EventFd(uint initial, int flags);

    [LibraryImport(Libc, EntryPoint = "send", SetLastError = true)]
    private static partial nint SendRaw(int fd, ReadOnlySpan<byte> buffer, nint length, int flags);

    [LibraryImport(Libc, EntryPoint = "recv", SetLastError = true)]
    private static partial nint RecvRaw(int fd, Span<byte> buffer, nint length, int flags);

    [LibraryImport(Libc, EntryPoint = "shutdown")]
    private static partial int Shutdown(int fd, int how);

    [LibraryImport(Libc, EntryPoint = "write")]
    private static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nint length);

    [LibraryImport(Libc, EntryPoint = "read")]
    private static partial nint Read(int fd, Span<byte> buffer, nint length);

    [LibraryImport(Libc, EntryPoint = "close")]
    private static partial int Close(int fd);
}
