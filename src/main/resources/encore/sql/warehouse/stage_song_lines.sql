-- Stages the song records that the song file readers wrote as newline-delimited JSON, one object
-- per record with the staged column names (SongLines), in one statement.
-- Parameter 1: the file of records.
INSERT INTO staging_songs
SELECT num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title,
       duration, year, source_file, source_line
FROM read_json(?, format = 'newline_delimited', records = true,
    maximum_object_size = 67108864,
    columns = {
        num_songs: 'INTEGER', artist_id: 'VARCHAR', artist_latitude: 'DOUBLE', artist_longitude: 'DOUBLE',
        artist_location: 'VARCHAR', artist_name: 'VARCHAR', song_id: 'VARCHAR', title: 'VARCHAR',
        duration: 'DOUBLE', year: 'INTEGER', source_file: 'VARCHAR', source_line: 'INTEGER'
    });
