using System.Buffers;

namespace SkydFast.Persistence.Files;

/// <summary>
/// The one pool of the buffers files are written through: the encoders' 64 KiB buffers, the atomic writers'
/// buffers, the 1 MiB blocks of <see cref="BlockWriter"/>. Not <see cref="ArrayPool{T}.Shared"/>: it keeps the first
/// array a thread returns in that thread's own storage, and a flush runs on threads it starts and ends
/// (<see cref="Flush.FlushThread"/>, the block writer), so each flush would strand its buffers with them and
/// allocate new ones (about 80 KB per flush, measured). This pool keeps at most 8 arrays of each size.
/// </summary>
internal static class FileBuffers
{
    public static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(BlockWriter.BlockSize, 8);
}
