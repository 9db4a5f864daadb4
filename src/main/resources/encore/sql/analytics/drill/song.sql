sp.song = ?
